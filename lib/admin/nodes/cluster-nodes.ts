// The runtime's nodes for the admin use cases: an empty list on a single engine, and the one an admin names or 404.
import "server-only";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { ClusterNode } from "@/lib/runtime/runtime";

export const nodeNotFound = () => new AppError("NOT_FOUND", "There is no such node in this cluster.");

/** Whether this platform runs on a cluster runtime (one with nodes), and its nodes then. */
export async function clusterNodes(): Promise<{ cluster: boolean; nodes: ClusterNode[] }> {
  const runtime = getRuntime();
  if (!runtime.nodes) return { cluster: false, nodes: [] };
  return { cluster: true, nodes: await runtime.nodes() };
}

export async function findClusterNode(id: string): Promise<{ node: ClusterNode; nodes: ClusterNode[] }> {
  const { nodes } = await clusterNodes();
  const node = nodes.find((candidate) => candidate.id === id);
  if (!node) throw nodeNotFound();
  return { node, nodes };
}
