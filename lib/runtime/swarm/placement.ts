// Where a new volume (and so its workspace, for good) goes: the ready, active node with the most memory not yet
// reserved by our workloads there; on a tie the one with fewer of them, then by name (so six land two per node).
import type { SwarmNode } from "@/lib/runtime/swarm/shapes";

export type NodeLoad = { reservedMemoryBytes: number; workloads: number };

export function pickNode(nodes: SwarmNode[], load: Map<string, NodeLoad>): SwarmNode | null {
  const candidates = nodes.filter(
    (node) => node.Status.State === "ready" && node.Spec.Availability === "active",
  );
  const free = (node: SwarmNode) =>
    (node.Description?.Resources?.MemoryBytes ?? 0) - (load.get(node.ID)?.reservedMemoryBytes ?? 0);
  const sorted = candidates.sort(
    (a, b) =>
      free(b) - free(a) ||
      (load.get(a.ID)?.workloads ?? 0) - (load.get(b.ID)?.workloads ?? 0) ||
      (a.Description?.Hostname ?? a.ID).localeCompare(b.Description?.Hostname ?? b.ID),
  );
  return sorted[0] ?? null;
}
