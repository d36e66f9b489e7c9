// A created workload, before its first start: its data folder belongs to its user, and its secret files are in
// place (0600, the user's), opened from their sealed form only to be written there. A fresh volume copies what the
// image has at the data path (owner included); where an image has no such folder, the volume's root is root's and
// is handed to the user with one archive write. Which images need it is learned once per image.
import "server-only";
import { getDb } from "@/lib/db";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Workload, WorkloadUser } from "@/lib/runtime/runtime";
import { secretFileEntries } from "@/lib/workspaces/secret-paths";
import { openSecret } from "@/lib/workspaces/secrets";

// image id + data path + user -> does a fresh volume already belong to that user?
const store = globalThis as unknown as { spawnerDataOwners?: Map<string, boolean> };
store.spawnerDataOwners ??= new Map();
const ownsFreshVolume = store.spawnerDataOwners;

async function freshVolumeIsTheUsers(
  workload: Workload,
  dataPath: string,
  user: WorkloadUser,
): Promise<boolean> {
  const key = `${workload.imageId ?? workload.image}|${dataPath}|${user.uid}:${user.gid}`;
  let known = ownsFreshVolume.get(key);
  if (known === undefined) {
    const owner = await getRuntime().pathOwner(workload.id, dataPath);
    known = owner?.uid === user.uid && owner?.gid === user.gid;
    ownsFreshVolume.set(key, known);
  }
  return known;
}

export async function prepareWorkload(input: {
  workload: Workload;
  workspaceId: string;
  dataPath: string;
  /** The volume was made by this workload's creation (not kept, not from an earlier workload). */
  freshVolume: boolean;
}): Promise<WorkloadUser> {
  const runtime = getRuntime();
  const user = await runtime.userOf(input.workload);
  const sealed = await getDb().workspaceSecret.findMany({
    where: { workspaceId: input.workspaceId, kind: "file" },
  });
  const files = sealed.map((secret) => ({
    path: secret.path,
    content: openSecret(input.workspaceId, secret),
  }));
  if (
    files.length === 0 &&
    input.freshVolume &&
    (await freshVolumeIsTheUsers(input.workload, input.dataPath, user))
  )
    return user;
  await runtime.writeFiles(input.workload.id, [
    { type: "dir", path: input.dataPath, mode: 0o755, uid: user.uid, gid: user.gid },
    ...secretFileEntries(files, user, input.dataPath),
  ]);
  return user;
}
