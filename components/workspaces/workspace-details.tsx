import { ExternalLink } from "lucide-react";
import { formatTime } from "@/components/workspaces/format";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="shrink-0 text-muted-foreground sm:w-32">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

/** On a Swarm: the node it runs on, the node its data pins it to, and a node that is down said plainly. */
function NodePlacement({ placement }: { placement: NonNullable<WorkspaceView["placement"]> }) {
  const down = (status: string | null) =>
    status && status !== "ready" ? <span className="font-medium text-destructive"> ({status})</span> : null;
  return (
    <span data-testid="workspace-node">
      {placement.node ? (
        <>
          {placement.node}
          {down(placement.node_status)}
        </>
      ) : (
        <span className="text-muted-foreground">Not placed yet</span>
      )}
      {placement.pinned_to ? (
        <span className="block text-muted-foreground" data-testid="workspace-pinned">
          Pinned to {placement.pinned_to}
          {down(placement.pinned_node_status)}: its data volume lives there.
        </span>
      ) : null}
    </span>
  );
}

/** What the workspace is made of, where its data lives, and when it was used; the URL is a link while it runs. */
export function WorkspaceDetails({ workspace }: { workspace: WorkspaceView }) {
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="workspace-details">
      <Row label="Template">
        {workspace.template.display_name}{" "}
        <span className="text-muted-foreground">({workspace.template.name})</span>
      </Row>
      <Row label="Created">{formatTime(workspace.created_at)}</Row>
      <Row label="Last used">{workspace.container_id ? formatTime(workspace.last_used) : "Never"}</Row>
      <Row label="Container">
        {workspace.container_id ? (
          <code className="font-mono text-xs" data-testid="container-id">
            {workspace.container_id.slice(0, 12)}
          </code>
        ) : (
          <span className="text-muted-foreground">Not created yet</span>
        )}
      </Row>
      <Row label="Service URL">
        {workspace.status === "running" && workspace.service_url ? (
          <a
            href={workspace.service_url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 text-primary underline underline-offset-4"
            data-testid="service-url"
          >
            {workspace.service_url}
            <ExternalLink className="size-3.5 shrink-0" aria-hidden />
          </a>
        ) : (
          <span className="text-muted-foreground">Available while the workspace runs</span>
        )}
      </Row>
      {workspace.placement ? (
        <Row label="Node">
          <NodePlacement placement={workspace.placement} />
        </Row>
      ) : null}
      <Row label="Data volume">
        <code className="font-mono text-xs" data-testid="data-volume">
          {workspace.data.volume}
        </code>
      </Row>
      <Row label="Data path">
        <code className="font-mono text-xs" data-testid="data-path">
          {workspace.data.path}
        </code>
      </Row>
    </dl>
  );
}
