// The runtime of this process. Only Docker today; RUNTIME=swarm will choose another implementation here.
import "server-only";
import { dockerRuntime } from "@/lib/runtime/docker";
import type { Runtime } from "@/lib/runtime/runtime";

const store = globalThis as unknown as { spawnerRuntime?: Runtime };

export function getRuntime(): Runtime {
  store.spawnerRuntime ??= dockerRuntime();
  return store.spawnerRuntime;
}
