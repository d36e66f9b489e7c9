// Server side of the dashboard: the props of a slot's or a workspace's card, from the views lib answers.
import type { CardProps } from "@/components/workspaces/workspace-card";
import { workspaceNote } from "@/components/workspaces/workspace-note";
import type { SlotView, WorkspaceView } from "@/lib/workspaces/workspace-view";

export function slotCardProps(slot: SlotView, workspace: WorkspaceView | null): CardProps {
  return {
    testId: `container-card-${slot.type}`,
    target: { kind: "slot", type: slot.type, workspaceId: workspace?.id ?? null },
    status: slot.status,
    description: slot.description,
    lastUsed: slot.last_used,
    detailsHref: workspace ? `/workspaces/${workspace.id}` : null,
    note: workspace ? workspaceNote(workspace) : null,
    updateAvailable: workspace?.update_available ?? false,
    model: {
      displayName: workspace?.display_name ?? slot.display_name,
      serviceUrl: slot.service_url,
      exists: workspace !== null,
      lastError: workspace?.last_error ?? null,
      launchLabel: "Create & Open",
    },
  };
}

export function workspaceCardProps(workspace: WorkspaceView): CardProps {
  return {
    testId: `workspace-card-${workspace.name}`,
    target: { kind: "workspace", workspaceId: workspace.id },
    status: workspace.status,
    description: workspace.template.display_name,
    lastUsed: workspace.container_id ? workspace.last_used : null,
    detailsHref: `/workspaces/${workspace.id}`,
    note: workspaceNote(workspace),
    updateAvailable: workspace.update_available,
    model: {
      displayName: workspace.display_name,
      serviceUrl: workspace.service_url,
      exists: true,
      lastError: workspace.last_error,
      launchLabel: "Open",
    },
  };
}
