// The engine's layer store size (system df), to tell what a prune really gave back.
import "server-only";
import { engineCall, withSignal } from "@/lib/engine/engine-call";
import { known } from "@/lib/engine/system/disk-use";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";

export type DfAnswer = {
  LayersSize?: number;
  Volumes?: { Name: string; UsageData?: { Size?: number; RefCount?: number } | null }[] | null;
};

export async function systemDf(): Promise<DfAnswer> {
  const docker = getDocker();
  return engineCall("measure the engine's disk use", withSignal<DfAnswer>(docker.df.bind(docker)), {
    timeoutMs: SLOW_CALL_MS,
  });
}

export async function layersSize(): Promise<number> {
  return known((await systemDf()).LayersSize);
}
