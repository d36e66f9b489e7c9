import { AlertCircle, CircleDashed, CircleDot, CircleStop, Loader2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import type { WorkspaceStatus } from "@/lib/workspaces/status";

const LOOK: Record<
  WorkspaceStatus,
  {
    label: string;
    variant: "secondary" | "success" | "warning" | "destructive" | "outline";
    icon: React.ReactNode;
  }
> = {
  not_created: { label: "Not created", variant: "outline", icon: <CircleDashed aria-hidden /> },
  creating: { label: "Starting", variant: "warning", icon: <Loader2 className="animate-spin" aria-hidden /> },
  running: { label: "Running", variant: "success", icon: <CircleDot aria-hidden /> },
  stopped: { label: "Stopped", variant: "secondary", icon: <CircleStop aria-hidden /> },
  error: { label: "Error", variant: "destructive", icon: <AlertCircle aria-hidden /> },
};

export function StatusBadge({ status }: { status: WorkspaceStatus }) {
  const look = LOOK[status];
  return (
    <Badge variant={look.variant} data-testid="status" data-status={status}>
      {look.icon}
      {look.label}
    </Badge>
  );
}
