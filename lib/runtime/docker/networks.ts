// The workload network: created when missing (two launches may race to do it), remembered once seen (once-per-name.ts).
import "server-only";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import { oncePerName } from "@/lib/runtime/once-per-name";

const workloadNetworks = oncePerName();

export function ensureNetwork(docker: Docker, name: string): Promise<void> {
  return workloadNetworks.ensure(name, () => lookUpOrCreate(docker, name));
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
}

export function forgetNetwork(name: string): void {
  workloadNetworks.forget(name);
}
