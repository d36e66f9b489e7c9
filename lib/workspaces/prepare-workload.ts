// A created workload, before it first starts: its data folder belongs to its user (a fresh volume is root's), and
// its secret files are in place (0600, the user's), opened from their sealed form only to be written there.
import "server-only";
import { getDb } from "@/lib/db";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { WorkloadUser } from "@/lib/runtime/runtime";
import { secretFileEntries } from "@/lib/workspaces/secret-paths";
import { openSecret } from "@/lib/workspaces/secrets";

export async function prepareWorkload(input: {
  workloadId: string;
  workspaceId: string;
  dataPath: string;
}): Promise<WorkloadUser> {
  const runtime = getRuntime();
  const user = await runtime.userOf(input.workloadId);
  const sealed = await getDb().workspaceSecret.findMany({
    where: { workspaceId: input.workspaceId, kind: "file" },
  });
  const files = sealed.map((secret) => ({
    path: secret.path,
    content: openSecret(input.workspaceId, secret),
  }));
  await runtime.writeFiles(input.workloadId, [
    { type: "dir", path: input.dataPath, mode: 0o755, uid: user.uid, gid: user.gid },
    ...secretFileEntries(files, user, input.dataPath),
  ]);
  return user;
}
