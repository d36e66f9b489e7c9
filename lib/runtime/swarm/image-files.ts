// What an image holds (its user's /etc/passwd, a folder's owner), read on the manager's own engine from a container
// made of the image and never started: the same as a fresh volume or a new task of it starts with.
import "server-only";
import type Docker from "dockerode";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { pathOwner } from "@/lib/runtime/docker/files";
import { inspectImage } from "@/lib/runtime/docker/images";
import { userOf as dockerUserOf } from "@/lib/runtime/docker/user";
import type { Workload, WorkloadUser } from "@/lib/runtime/runtime";
import { RUNTIME_LABELS } from "@/lib/runtime/swarm/names";

async function withImageContainer<T>(
  docker: Docker,
  image: string,
  work: (id: string) => Promise<T>,
): Promise<T> {
  const container = await dockerCall(
    "read the image",
    (opts) =>
      docker.createContainer({
        ...opts,
        Image: image,
        Entrypoint: ["/nonexistent"],
        Labels: { [RUNTIME_LABELS.owner]: "image-reader" },
        HostConfig: { NetworkMode: "none" },
      }),
    SLOW_CALL_MS,
  );
  try {
    return await work(container.id);
  } finally {
    await dockerCall("remove a reader container", (opts) =>
      orNull(
        docker.getContainer(container.id).remove({ ...opts, force: true, v: true }),
        hasStatus(404, 409),
      ),
    ).catch(() => {});
  }
}

// A reference's image is remembered briefly, as imageExists does: a launch reads it twice (user, folder owner).
const IDENTITY_TTL_MS = 60_000;
const identities = new Map<string, { id: string; user: string; until: number }>();

async function imageIdentity(docker: Docker, image: string): Promise<{ id: string; user: string }> {
  const known = identities.get(image);
  if (known && known.until > Date.now()) return known;
  const info = await inspectImage<{ Id: string; Config?: { User?: string } }>(docker, image);
  const identity = { id: info.Id, user: info.Config?.User ?? "", until: Date.now() + IDENTITY_TTL_MS };
  identities.set(image, identity);
  return identity;
}

// An image version's user and folders never change: read once per image id.
const users = new Map<string, WorkloadUser>();
const owners = new Map<string, { uid: number; gid: number } | null>();

export async function userOfImage(docker: Docker, workload: Workload): Promise<WorkloadUser> {
  const identity = await imageIdentity(docker, workload.image);
  const spec = workload.user?.spec || identity.user;
  const key = `${identity.id}|${spec}`;
  const known = users.get(key);
  if (known) return known;
  const user = await withImageContainer(docker, workload.image, (id) =>
    dockerUserOf(docker, { ...workload, id, imageId: identity.id, user: { spec }, startedAt: undefined }),
  );
  users.set(key, user);
  return user;
}

export async function imagePathOwner(
  docker: Docker,
  image: string,
  path: string,
): Promise<{ uid: number; gid: number } | null> {
  const key = `${(await imageIdentity(docker, image)).id}|${path}`;
  if (owners.has(key)) return owners.get(key) ?? null;
  const owner = await withImageContainer(docker, image, (id) => pathOwner(docker, id, path));
  owners.set(key, owner);
  return owner;
}
