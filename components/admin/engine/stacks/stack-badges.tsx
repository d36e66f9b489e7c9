import { Badge } from "@/components/ui/badge";
import type { StackState } from "@/lib/engine/stacks/stack-view";

const STACK_VARIANT = {
  running: "success",
  restarting: "destructive",
  paused: "warning",
  partial: "warning",
  stopped: "secondary",
  empty: "outline",
} as const;

export function StackStateBadge({ state }: { state: StackState }) {
  return (
    <Badge variant={STACK_VARIANT[state]} data-testid="stack-state">
      {state}
    </Badge>
  );
}

// A container's own engine state: running is green, one that died or restarts over and over is red.
export function ContainerStateBadge({ state }: { state: string }) {
  const variant =
    state === "running"
      ? "success"
      : state === "dead" || state === "restarting"
        ? "destructive"
        : state === "paused"
          ? "warning"
          : "secondary";
  return (
    <Badge variant={variant} data-testid="container-state">
      {state}
    </Badge>
  );
}
