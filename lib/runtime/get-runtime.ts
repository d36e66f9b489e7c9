// The runtime of this process: RUNTIME=docker (one engine) or swarm (DOCKER_HOST a manager), on the same client.
import "server-only";
import { getEnv } from "@/lib/env";
import { recordRuntimeError } from "@/lib/metrics/metrics";
import { dockerRuntime } from "@/lib/runtime/docker";
import { getDocker } from "@/lib/runtime/docker/client";
import { invalidateLists } from "@/lib/runtime/list-cache";
import type { Runtime } from "@/lib/runtime/runtime";
import { swarmRuntime } from "@/lib/runtime/swarm";

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

/** Every call that fails is counted by its operation, the runtime's method (spawner_runtime_errors_total). */
function counting(runtime: Runtime): Runtime {
  const methods = Object.entries(runtime).filter(([, call]) => typeof call === "function") as [
    string,
    (...args: unknown[]) => Promise<unknown>,
  ][];
  return Object.fromEntries(
    methods.map(([operation, call]) => [
      operation,
      async (...args: unknown[]) => {
        try {
          return await call(...args);
        } catch (error) {
          recordRuntimeError(operation);
          throw error;
        }
      },
    ]),
  ) as unknown as Runtime;
}

export function getRuntime(): Runtime {
  store.spawnerRuntime ??= invalidating(
    counting(getEnv().RUNTIME === "swarm" ? swarmRuntime(getDocker()) : dockerRuntime()),
  );
  return store.spawnerRuntime;
}
