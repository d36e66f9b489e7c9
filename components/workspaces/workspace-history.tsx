// The workspace page's "History" card: the latest changes to this workspace, who made them and how they ended.
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatTime } from "@/components/workspaces/format";
import { detailsSummary } from "@/lib/audit/details-summary";
import { listWorkspaceHistory } from "@/lib/audit/list-workspace-history";
import type { Actor } from "@/lib/auth/actor";

const VERBS: Record<string, string> = {
  "workspace.create": "created it",
  "workspace.launch": "launched it",
  "workspace.start": "started it",
  "workspace.stop": "stopped it",
  "workspace.restart": "restarted it",
  "workspace.update": "changed its settings",
};

export async function WorkspaceHistory({ actor, workspaceId }: { actor: Actor; workspaceId: string }) {
  const entries = await listWorkspaceHistory({ actor, workspaceId }).catch(() => null);
  return (
    <Card data-testid="workspace-history">
      <CardHeader>
        <CardTitle>History</CardTitle>
        <CardDescription>The latest changes to this workspace, newest first.</CardDescription>
      </CardHeader>
      <CardContent>
        {entries === null ? (
          <p className="text-sm text-muted-foreground">
            The history could not be loaded. Please reload the page.
          </p>
        ) : entries.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing recorded yet.</p>
        ) : (
          <ol className="flex flex-col divide-y text-sm">
            {entries.map((entry) => (
              <li
                key={`${entry.id}:${entry.action}`}
                className="flex flex-col gap-1 py-2"
                data-testid="history-entry"
                data-action={entry.action}
              >
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{entry.who}</span>
                  <span>{VERBS[entry.action] ?? entry.action}</span>
                  {entry.bulk && <span className="text-muted-foreground">(with others: {entry.bulk})</span>}
                  <OutcomeBadge outcome={entry.outcome} />
                  <time className="ml-auto text-xs text-muted-foreground" dateTime={entry.at}>
                    {formatTime(entry.at)}
                  </time>
                </div>
                {Object.keys(entry.details).length > 0 && (
                  <p className="text-xs break-words text-muted-foreground">{detailsSummary(entry.details)}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
