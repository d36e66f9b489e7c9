// A Docker Swarm as a Runtime (RUNTIME=swarm): the app on a manager runs each workload as a one-replica service.
// What differs from one engine is said where it is done: scaling for start and stop, state from tasks, secrets,
// volumes pinned to their node, node-local reads through each node's engine where the settings name it.
import "server-only";
import type Docker from "dockerode";
import { getEnv } from "@/lib/env";
import { engineInfo } from "@/lib/runtime/docker/engine";
import { imageExists } from "@/lib/runtime/docker/images";
import type { Runtime } from "@/lib/runtime/runtime";
import { listNodes, managerInfo } from "@/lib/runtime/swarm/cluster";
import { watchSwarm } from "@/lib/runtime/swarm/events";
import { servicePathOwner, writeServiceFiles } from "@/lib/runtime/swarm/files";
import { userOfImage } from "@/lib/runtime/swarm/image-files";
import { runJob } from "@/lib/runtime/swarm/jobs";
import { followServiceLogs, readAllServiceLogs, readServiceLogLines } from "@/lib/runtime/swarm/logs";
import { clusterNodes, joinCommand, setAvailability } from "@/lib/runtime/swarm/nodes";
import {
  createWorkload,
  inspectWorkload,
  listWorkloads,
  removeWorkload,
  restartWorkload,
  startWorkload,
  stopWorkload,
  updateWorkloadLimits,
} from "@/lib/runtime/swarm/services";
import { serviceConnections, serviceStats, serviceUsage } from "@/lib/runtime/swarm/stats";
import {
  listVolumes,
  removeVolume,
  volumeExists,
  volumeNode,
  volumeOptionsOf,
  volumeRemovalRefusal,
} from "@/lib/runtime/swarm/volumes";

export function swarmRuntime(docker: Docker): Runtime {
  const network = () => getEnv().CONTAINER_NETWORK;
  return {
    ping: async () => {
      const info = await engineInfo(docker);
      await managerInfo(docker);
      return info;
    },
    // Looked up on the manager's engine: the app reads an image's user there (nodes pull it from its registry).
    imageExists: (image) => imageExists(docker, image),
    create: (spec) => createWorkload(docker, spec),
    inspect: (idOrName) => inspectWorkload(docker, network(), idOrName),
    list: (selector, options) => listWorkloads(docker, network(), selector, options),
    start: (id, observe) => startWorkload(docker, id, observe),
    stop: (id) => stopWorkload(docker, id),
    restart: (id) => restartWorkload(docker, id),
    remove: (id) => removeWorkload(docker, id),
    updateLimits: (id, limits) => updateWorkloadLimits(docker, id, limits),
    userOf: (workload) => userOfImage(docker, workload),
    pathOwner: (id, path) => servicePathOwner(docker, id, path),
    writeFiles: (id, entries) => writeServiceFiles(docker, id, entries),
    runTask: async (spec) =>
      runJob(docker, {
        ...spec,
        volume: { ...spec.volume, options: await volumeOptionsOf(docker, spec.volume.name) },
        capAdd: [],
        pinTo: (await volumeNode(docker, spec.volume.name)) ?? undefined,
      }),
    removeVolume: (name) => removeVolume(docker, name),
    volumeRemovalRefusal: (name) => volumeRemovalRefusal(docker, name),
    volumeExists: (name) => volumeExists(docker, name),
    listVolumes: (selector) => listVolumes(docker, selector),
    followLogs: (id, options) => followServiceLogs(docker, id, options),
    readAllLogs: (id) => readAllServiceLogs(docker, id),
    readLogLines: (id, tail) => readServiceLogLines(docker, id, tail),
    stats: (id) => serviceStats(docker, id),
    usage: (id, options) => serviceUsage(docker, id, options?.signal),
    resources: async () => {
      // What the ready, active nodes have; a node's free memory is its own engine's to tell.
      const nodes = [...(await listNodes(docker)).values()].filter(
        (node) => node.Status.State === "ready" && node.Spec.Availability === "active",
      );
      return {
        cpus: nodes.reduce((sum, node) => sum + (node.Description?.Resources?.NanoCPUs ?? 0) / 1e9, 0),
        memoryBytes: nodes.reduce((sum, node) => sum + (node.Description?.Resources?.MemoryBytes ?? 0), 0),
        freeMemoryBytes: null,
      };
    },
    openConnections: (id, ports) => serviceConnections(docker, id, ports),
    watch: (selector, handlers) => watchSwarm(docker, selector, handlers),
    nodes: () => clusterNodes(docker),
    setNodeAvailability: (nodeId, availability) => setAvailability(docker, nodeId, availability),
    joinCommand: () => joinCommand(docker),
  };
}
