// A service update is a whole new spec at the version it was read at; another writer in between makes the engine
// refuse it ("update out of sequence"), so it is read and written again.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall, SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { inspectService } from "@/lib/runtime/swarm/cluster";
import type { SwarmService, SwarmServiceSpec } from "@/lib/runtime/swarm/shapes";

/** `read`: the service as the caller just read it (saves reading it again; a stale one is read again anyway). */
export async function updateService(
  docker: Docker,
  id: string,
  change: (spec: SwarmServiceSpec, service: SwarmService) => SwarmServiceSpec,
  read?: SwarmService,
): Promise<SwarmService> {
  for (let attempt = 0; ; attempt++) {
    const service = attempt === 0 && read ? read : await inspectService(docker, id);
    if (!service) throw new AppError("NOT_FOUND", "The workload is gone.");
    const spec = change(structuredClone(service.Spec), service);
    // The engine's refusal is looked at before dockerCall turns it into our words: a stale version is read again.
    const outcome = await dockerCall(
      "update the service",
      (opts) =>
        docker
          .getService(service.ID)
          .update({ ...opts, version: service.Version.Index, ...spec })
          .then(
            () => "done" as const,
            (error: Error) => {
              if (attempt < 4 && /out of sequence/i.test(String(error?.message))) return "stale" as const;
              throw error;
            },
          ),
      SLOW_CALL_MS,
    );
    if (outcome === "done") return service;
  }
}
