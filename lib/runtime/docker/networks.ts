// The workload network: created when missing (two launches may race to do it), remembered once seen.
import "server-only";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

// Networks are long-lived: once seen, this process does not look again (create re-checks if it vanished).
const knownNetworks = new Set<string>();
// Launches in parallel (a bulk start) share one look-up-and-create: the engine's CheckDuplicate is best effort,
// and two creates at once can make two networks of one name, which no container can then be started on.
const ensuring = new Map<string, Promise<void>>();

export function ensureNetwork(docker: Docker, name: string): Promise<void> {
  if (knownNetworks.has(name)) return Promise.resolve();
  let pending = ensuring.get(name);
  if (!pending) {
    pending = lookUpOrCreate(docker, name).finally(() => ensuring.delete(name));
    ensuring.set(name, pending);
  }
  return pending;
}

async function lookUpOrCreate(docker: Docker, name: string): Promise<void> {
  const networks = await dockerCall("look up the network", (opts) =>
    docker.listNetworks({ ...opts, filters: { name: [name] } }),
  );
  // The name filter matches substrings; only an exact name counts.
  if (!networks.some((network) => network.Name === name)) {
    // A 409 means a parallel launch created it a moment ago.
    await dockerCall("create the network", (opts) =>
      orNull(
        docker.createNetwork({ ...opts, Name: name, Driver: "bridge", CheckDuplicate: true }),
        hasStatus(409),
      ),
    );
  }
  knownNetworks.add(name);
}

export function forgetNetwork(name: string): void {
  knownNetworks.delete(name);
}
