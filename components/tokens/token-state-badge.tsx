import { Badge } from "@/components/ui/badge";
import type { TokenState } from "@/lib/tokens/token-rules";

const LOOK: Record<TokenState, { label: string; variant: "success" | "secondary" | "destructive" }> = {
  active: { label: "Active", variant: "success" },
  expired: { label: "Expired", variant: "secondary" },
  revoked: { label: "Revoked", variant: "destructive" },
};

export function TokenStateBadge({ state }: { state: TokenState }) {
  return (
    <Badge variant={LOOK[state].variant} data-testid="token-state" data-state={state}>
      {LOOK[state].label}
    </Badge>
  );
}
