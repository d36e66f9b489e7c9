// How an audited change ended: "ok", or the error code it was refused or failed with.
import { Badge } from "@/components/ui/badge";

export function OutcomeBadge({ outcome }: { outcome: string }) {
  return (
    <Badge
      variant={outcome === "ok" ? "success" : "destructive"}
      data-testid="outcome"
      data-outcome={outcome}
    >
      {outcome}
    </Badge>
  );
}
