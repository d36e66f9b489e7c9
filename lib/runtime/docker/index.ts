// The Docker Engine as a Runtime: one container per workload, its data in a named volume.
import "server-only";
import type Docker from "dockerode";
import { getDocker } from "@/lib/runtime/docker/client";
import { openConnections } from "@/lib/runtime/docker/connections";
import {
  createWorkload,
  inspectWorkload,
  listWorkloads,
  removeWorkload,
  restartWorkload,
  startWorkload,
  stopWorkload,
  updateWorkloadLimits,
} from "@/lib/runtime/docker/containers";
import { engineInfo, engineResources } from "@/lib/runtime/docker/engine";
import { watchEvents } from "@/lib/runtime/docker/events";
import { pathOwner, writeFiles } from "@/lib/runtime/docker/files";
import { imageExists } from "@/lib/runtime/docker/images";
import { followLogs, readAllLogs, readLogLines } from "@/lib/runtime/docker/logs";
import { readStats, readUsage } from "@/lib/runtime/docker/stats";
import { runTask } from "@/lib/runtime/docker/task";
import { userOf } from "@/lib/runtime/docker/user";
import { listVolumes, removeVolume, volumeExists } from "@/lib/runtime/docker/volumes";
import type { Runtime } from "@/lib/runtime/runtime";

/** A Runtime on this dockerode client (default: DOCKER_HOST or the local socket). */
export function dockerRuntime(docker: Docker = getDocker()): Runtime {
  return {
    ping: () => engineInfo(docker),
    imageExists: (image) => imageExists(docker, image),
    create: async (spec) =>
      createWorkload(docker, spec, spec.volume ? await volumeExists(docker, spec.volume.name) : false),
    inspect: (idOrName) => inspectWorkload(docker, idOrName),
    list: (selector, options) => listWorkloads(docker, selector, options),
    start: (id) => startWorkload(docker, id),
    stop: (id) => stopWorkload(docker, id),
    restart: (id) => restartWorkload(docker, id),
    remove: (id) => removeWorkload(docker, id),
    updateLimits: async (id, limits) => {
      await updateWorkloadLimits(docker, id, limits);
      return { restarted: false };
    },
    userOf: (workload) => userOf(docker, workload),
    pathOwner: (id, path) => pathOwner(docker, id, path),
    writeFiles: (id, entries) => writeFiles(docker, id, entries),
    runTask: (spec) => runTask(docker, spec),
    removeVolume: (name) => removeVolume(docker, name),
    volumeExists: (name) => volumeExists(docker, name),
    listVolumes: (selector) => listVolumes(docker, selector),
    followLogs: (id, options) => followLogs(docker, id, options),
    readAllLogs: (id) => readAllLogs(docker, id),
    readLogLines: (id, tail) => readLogLines(docker, id, tail),
    stats: (id) => readStats(docker, id),
    usage: (id, options) => readUsage(docker, id, options?.signal),
    resources: () => engineResources(docker),
    openConnections: (id, ports) => openConnections(docker, id, ports),
    watch: (selector, handlers) => watchEvents(docker, selector, handlers),
  };
}
