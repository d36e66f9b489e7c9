// Container operations against the engine. Each is safe to repeat: "already so" answers are success.
import "server-only";
import type { ContainerCreateOptions, ContainerInfo, ContainerInspectInfo } from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker-call";
import { getDocker } from "@/lib/runtime/docker-client";
import { dockerStatus } from "@/lib/runtime/docker-errors";

const is = (status: number) => (error: unknown) => dockerStatus(error) === status;

async function orNull<T>(work: Promise<T>, when: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (when(error)) return null;
    throw error;
  }
}

export async function inspectContainer(idOrName: string): Promise<ContainerInspectInfo | null> {
  return dockerCall("look up the container", (opts) =>
    orNull(getDocker().getContainer(idOrName).inspect(opts), is(404)),
  );
}

export async function listContainers(filters: Record<string, string[]>): Promise<ContainerInfo[]> {
  return dockerCall("list containers", (opts) => getDocker().listContainers({ ...opts, all: true, filters }));
}

// A found image is remembered briefly: launches skip the lookup, and create still reports a vanished image.
const IMAGE_FOUND_TTL_MS = 60_000;
const foundImages = new Map<string, number>();

export async function imageExists(image: string): Promise<boolean> {
  if ((foundImages.get(image) ?? 0) > Date.now()) return true;
  // listImages takes an abort signal (image inspect does not); "reference" matches name:tag exactly.
  const reference = image.includes(":") || image.includes("@") ? image : `${image}:latest`;
  const images = await dockerCall("look up the template image", (opts) =>
    getDocker().listImages({ ...opts, filters: { reference: [reference] } }),
  );
  if (images.length > 0) foundImages.set(image, Date.now() + IMAGE_FOUND_TTL_MS);
  return images.length > 0;
}

// Networks are long-lived: once seen, this process does not look again (create re-checks if it vanished).
const knownNetworks = new Set<string>();

export async function ensureNetwork(name: string): Promise<void> {
  if (knownNetworks.has(name)) return;
  const docker = getDocker();
  const networks = await dockerCall("look up the network", (opts) =>
    docker.listNetworks({ ...opts, filters: { name: [name] } }),
  );
  // The name filter matches substrings; only an exact name counts.
  if (!networks.some((network) => network.Name === name)) {
    // Two launches may race to create it; a 409 means the other one won.
    await dockerCall("create the network", (opts) =>
      orNull(docker.createNetwork({ ...opts, Name: name, Driver: "bridge", CheckDuplicate: true }), is(409)),
    );
  }
  knownNetworks.add(name);
}

export function forgetNetwork(name: string): void {
  knownNetworks.delete(name);
}

/** Creates a container and returns its id, or null when one with that name already exists. */
export async function createContainer(options: ContainerCreateOptions): Promise<string | null> {
  const network = String(options.HostConfig?.NetworkMode ?? "");
  const once = (opts: object) => orNull(getDocker().createContainer({ ...options, ...opts }), is(409));
  const container = await dockerCall(
    "create the container",
    (opts) =>
      once(opts).catch(async (error: Error) => {
        if (!is(404)(error)) throw error;
        if (/network/i.test(error.message) && network) {
          // The network was removed behind our back: make it again and retry once.
          forgetNetwork(network);
          await ensureNetwork(network);
          return once(opts);
        }
        throw new AppError(
          "TEMPLATE_IMAGE_NOT_FOUND",
          `The image "${options.Image}" is not available on this server.`,
        );
      }),
    SLOW_CALL_MS,
  );
  return container?.id ?? null;
}

export async function startContainer(id: string): Promise<void> {
  await dockerCall(
    "start the container",
    (opts) => orNull(getDocker().getContainer(id).start(opts), is(304)),
    SLOW_CALL_MS,
  );
}

export async function removeContainer(id: string): Promise<void> {
  await dockerCall(
    "remove the container",
    (opts) =>
      orNull(
        getDocker()
          .getContainer(id)
          .remove({ ...opts, force: true, v: true }),
        (e) => is(404)(e) || is(409)(e),
      ),
    SLOW_CALL_MS,
  );
}

export async function stopContainer(id: string): Promise<void> {
  // t=10: the engine's grace before SIGKILL; Init forwards SIGTERM so most stop well before.
  await dockerCall(
    "stop the container",
    (opts) =>
      orNull(
        getDocker()
          .getContainer(id)
          .stop({ ...opts, t: 10 }),
        (e) => is(304)(e) || is(404)(e),
      ),
    SLOW_CALL_MS,
  );
}

export async function restartContainer(id: string): Promise<void> {
  await dockerCall(
    "restart the container",
    (opts) =>
      getDocker()
        .getContainer(id)
        .restart({ ...opts, t: 10 }),
    SLOW_CALL_MS,
  );
}
