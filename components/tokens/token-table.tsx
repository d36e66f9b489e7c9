import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { TokenStateBadge } from "@/components/tokens/token-state-badge";
import { Badge } from "@/components/ui/badge";
import { formatTime } from "@/components/workspaces/format";
import type { Outcome } from "@/components/workspaces/reach";
import { SCOPE_LABELS } from "@/lib/tokens/scopes";
import type { TokenView } from "@/lib/tokens/token-view";

const HEAD = "py-2 pr-3 font-medium";
const CELL = "py-2 pr-3";

/** Tokens as their owner (or, with an owner column, an admin) sees them: never more of the secret than its hint. */
export function TokenTable({
  tokens,
  revoke,
  showOwner = false,
}: {
  tokens: TokenView[];
  /** The server action Revoke calls. */
  revoke: (id: string) => Promise<Outcome<TokenView>>;
  showOwner?: boolean;
}) {
  const columns = showOwner ? 9 : 8;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="tokens-table">
        <thead className="text-left text-muted-foreground">
          <tr className="border-b">
            {showOwner && <th className={HEAD}>Owner</th>}
            <th className={HEAD}>Name</th>
            <th className={HEAD}>Token</th>
            <th className={HEAD}>Scopes</th>
            <th className={HEAD}>Created</th>
            <th className={HEAD}>Expires</th>
            <th className={HEAD}>Last used</th>
            <th className={HEAD}>State</th>
            <th className="py-2 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b align-top" data-testid="token-row" data-token={token.name}>
              {showOwner && <td className={`${CELL} break-all`}>{token.owner?.email}</td>}
              <td className={`${CELL} font-medium break-all`}>{token.name}</td>
              <td className={`${CELL} font-mono text-xs whitespace-nowrap`} data-testid="token-hint">
                {token.hint}
              </td>
              <td className={CELL}>
                <div className="flex flex-wrap gap-1">
                  {token.scopes.map((scope) => (
                    <Badge key={scope} variant="outline" title={SCOPE_LABELS[scope]}>
                      {scope}
                    </Badge>
                  ))}
                </div>
              </td>
              <td className={`${CELL} whitespace-nowrap`}>{formatTime(token.created_at)}</td>
              <td className={`${CELL} whitespace-nowrap`}>{formatTime(token.expires_at)}</td>
              <td className={`${CELL} whitespace-nowrap`} data-testid="token-last-used">
                {formatTime(token.last_used_at)}
                {token.last_used_ip && (
                  <div className="font-mono text-xs text-muted-foreground">from {token.last_used_ip}</div>
                )}
              </td>
              <td className={CELL}>
                <TokenStateBadge state={token.state} />
              </td>
              <td className="py-2">
                {token.state === "active" && <RevokeTokenButton token={token} revoke={revoke} />}
              </td>
            </tr>
          ))}
          {tokens.length === 0 && (
            <tr>
              <td colSpan={columns} className="py-6 text-center text-muted-foreground">
                No tokens yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
