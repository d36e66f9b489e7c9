// The audit log's rows: when, who (and how, from where), what, on what, whose, how it ended, and what changed.
import { OutcomeBadge } from "@/components/audit/outcome-badge";
import { formatTime } from "@/components/workspaces/format";
import type { AuditEventView } from "@/lib/audit/audit-view";
import { detailsSummary } from "@/lib/audit/details-summary";

function actorName(actor: AuditEventView["actor"]): string {
  if (actor.email) return actor.email;
  if (actor.via === "system") return "Spawner (system)";
  return actor.id ?? "anonymous";
}

export function AuditTable({ events }: { events: AuditEventView[] }) {
  if (events.length === 0)
    return (
      <p className="text-sm text-muted-foreground" data-testid="audit-empty">
        No events match these filters.
      </p>
    );
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="border-b text-xs text-muted-foreground uppercase">
          <tr>
            <th className="py-2 pr-4 font-medium">Time</th>
            <th className="py-2 pr-4 font-medium">Actor</th>
            <th className="py-2 pr-4 font-medium">Action</th>
            <th className="py-2 pr-4 font-medium">Target</th>
            <th className="py-2 pr-4 font-medium">Owner</th>
            <th className="py-2 pr-4 font-medium">Outcome</th>
            <th className="py-2 font-medium">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => (
            <tr
              key={event.id}
              className="border-b align-top last:border-0"
              data-testid="audit-row"
              data-action={event.action}
            >
              <td className="py-2 pr-4 whitespace-nowrap">
                <time dateTime={event.at}>{formatTime(event.at)}</time>
              </td>
              <td className="py-2 pr-4">
                <div className="break-all">{actorName(event.actor)}</div>
                <div className="text-xs text-muted-foreground">
                  {event.actor.via}
                  {event.actor.ip ? ` · ${event.actor.ip}` : ""}
                </div>
              </td>
              <td className="py-2 pr-4 font-mono text-xs whitespace-nowrap">{event.action}</td>
              <td className="py-2 pr-4">
                <div className="break-all">{event.target.name || event.target.id || "—"}</div>
                <div className="text-xs break-all text-muted-foreground">
                  {event.target.type}
                  {event.target.id && event.target.name ? ` · ${event.target.id}` : ""}
                </div>
              </td>
              <td className="py-2 pr-4 break-all">{event.owner?.email || event.owner?.id || "—"}</td>
              <td className="py-2 pr-4">
                <OutcomeBadge outcome={event.outcome} />
              </td>
              <td className="py-2 text-xs break-words text-muted-foreground">
                {detailsSummary(event.details)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
