// The runtime of this process. Only Docker today; RUNTIME=swarm will choose another implementation here.
import "server-only";
import { dockerRuntime } from "@/lib/runtime/docker";
import { invalidateLists } from "@/lib/runtime/list-cache";
import type { Runtime } from "@/lib/runtime/runtime";

const store = globalThis as unknown as { spawnerRuntime?: Runtime };

/** Every change this process makes to a workload drops the kept lists (lib/runtime/list-cache.ts). */
function invalidating(runtime: Runtime): Runtime {
  const after =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await work(...args);
      } finally {
        invalidateLists();
      }
    };
  return {
    ...runtime,
    create: after(runtime.create),
    start: after(runtime.start),
    stop: after(runtime.stop),
    restart: after(runtime.restart),
    remove: after(runtime.remove),
    updateLimits: after(runtime.updateLimits),
  };
}

export function getRuntime(): Runtime {
  store.spawnerRuntime ??= invalidating(dockerRuntime());
  return store.spawnerRuntime;
}
