// When a node may be drained (pure): never the last node that can take work, and the node the app runs on only after
// its hostname is typed (its own tasks would move, the app's with them if it runs as a service there).
import { AppError } from "@/lib/errors";
import type { ClusterNode } from "@/lib/runtime/runtime";

const takesWork = (node: Pick<ClusterNode, "availability" | "status">) =>
  node.availability === "active" && node.status === "ready";

export function drainRefusal(
  nodes: Pick<ClusterNode, "id" | "hostname" | "self" | "availability" | "status">[],
  target: Pick<ClusterNode, "id" | "hostname" | "self" | "availability">,
  confirm: string,
): AppError | null {
  // Already drained (or paused) takes nothing away from the cluster: asking again is "already so".
  if (target.availability !== "active") return null;
  if (!nodes.some((node) => node.id !== target.id && takesWork(node)))
    return new AppError(
      "LAST_ACTIVE_NODE",
      `${target.hostname} is the last active node that is ready: drained, no workspace could run anywhere. Activate another node first.`,
    );
  if (target.self && confirm.trim() !== target.hostname)
    return new AppError(
      "CONFIRMATION_REQUIRED",
      `${target.hostname} is the node this app runs on: type its hostname (${target.hostname}) to confirm draining it.`,
    );
  return null;
}
