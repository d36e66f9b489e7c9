// A cluster node as the admin API and page show it (the wire's snake_case), and the whole answer of the list.
import type { ClusterNode, NodeAvailability, NodeStatus } from "@/lib/runtime/runtime";

export type NodeView = {
  id: string;
  hostname: string;
  role: "manager" | "worker";
  self: boolean;
  leader: boolean;
  availability: NodeAvailability;
  status: NodeStatus;
  address: string;
  engine_version: string;
  cpus: number;
  memory_bytes: number;
  reserved: { cpus: number; memory_bytes: number };
  tasks: number;
  pinned: number;
};

/** docker: one engine, no nodes to list; swarm: every node of the cluster. */
export type NodesView = { runtime: "docker" | "swarm"; nodes: NodeView[] };

export function nodeView(node: ClusterNode): NodeView {
  return {
    id: node.id,
    hostname: node.hostname,
    role: node.role,
    self: node.self,
    leader: node.leader,
    availability: node.availability,
    status: node.status,
    address: node.address,
    engine_version: node.engineVersion,
    cpus: node.cpus,
    memory_bytes: node.memoryBytes,
    reserved: { cpus: node.reserved.cpus, memory_bytes: node.reserved.memoryBytes },
    tasks: node.tasks,
    pinned: node.pinned,
  };
}
