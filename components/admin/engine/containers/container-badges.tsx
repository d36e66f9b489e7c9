import { ShieldAlert } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { ContainerState, ProtectionView } from "@/lib/engine/containers/container-view";

const STATE_VARIANT: Record<ContainerState, "success" | "warning" | "destructive" | "secondary"> = {
  running: "success",
  restarting: "warning",
  paused: "warning",
  created: "secondary",
  removing: "warning",
  exited: "secondary",
  dead: "destructive",
};

export function ContainerStateBadge({ state }: { state: ContainerState }) {
  return (
    <Badge variant={STATE_VARIANT[state]} data-testid="container-state" data-state={state}>
      {state}
    </Badge>
  );
}

export function ProtectedBadge({ protection }: { protection: ProtectionView | null }) {
  if (!protection) return null;
  return (
    <Badge variant="warning" title={protection.message} data-testid="protected">
      <ShieldAlert aria-hidden />
      {protection.reason === "proxy" ? "proxy" : "platform"}
    </Badge>
  );
}
