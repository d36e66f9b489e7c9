import { Badge } from "@/components/ui/badge";
import type { NodeAvailability, NodeStatus } from "@/lib/runtime/runtime";

// A node that is not ready is red whatever the reason: its workspaces' tasks can't run there.
const STATUS_VARIANT = {
  ready: "success",
  down: "destructive",
  disconnected: "destructive",
  unknown: "warning",
} as const;

const AVAILABILITY_VARIANT = { active: "success", pause: "warning", drain: "warning" } as const;

export function NodeStatusBadge({ status }: { status: NodeStatus }) {
  return (
    <Badge variant={STATUS_VARIANT[status]} data-testid="node-status">
      {status}
    </Badge>
  );
}

export function NodeAvailabilityBadge({ availability }: { availability: NodeAvailability }) {
  return (
    <Badge variant={AVAILABILITY_VARIANT[availability]} data-testid="node-availability">
      {availability}
    </Badge>
  );
}
