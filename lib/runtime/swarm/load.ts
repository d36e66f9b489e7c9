// What our workloads hold per node: those pinned there and those whose task runs there, with their reservations.

import { RUNTIME_LABELS } from "@/lib/runtime/swarm/names";
import type { NodeLoad } from "@/lib/runtime/swarm/placement";
import type { SwarmService, SwarmTask } from "@/lib/runtime/swarm/shapes";
import { currentTask, replicasOf } from "@/lib/runtime/swarm/to-workload";

export type NodeUse = NodeLoad & { reservedNanoCpus: number; tasks: number; pinned: number };

export function loadByNode(services: SwarmService[], tasks: Map<string, SwarmTask[]>): Map<string, NodeUse> {
  const use = new Map<string, NodeUse>();
  const entry = (node: string) => {
    let found = use.get(node);
    if (!found) {
      found = { reservedMemoryBytes: 0, reservedNanoCpus: 0, workloads: 0, tasks: 0, pinned: 0 };
      use.set(node, found);
    }
    return found;
  };
  for (const service of services) {
    const pin = service.Spec.Labels?.[RUNTIME_LABELS.node];
    const task = currentTask(tasks.get(service.ID) ?? []);
    const running = task?.DesiredState === "running" && task.NodeID ? task.NodeID : undefined;
    const node = running ?? pin;
    if (pin) entry(pin).pinned += 1;
    if (running) entry(running).tasks += 1;
    if (!node) continue;
    const target = entry(node);
    target.workloads += 1;
    // A stopped one reserves nothing (Swarm's scheduler counts only tasks).
    if (replicasOf(service) === 0) continue;
    const reservations = service.Spec.TaskTemplate.Resources?.Reservations;
    target.reservedMemoryBytes += reservations?.MemoryBytes ?? 0;
    target.reservedNanoCpus += reservations?.NanoCPUs ?? 0;
  }
  return use;
}
