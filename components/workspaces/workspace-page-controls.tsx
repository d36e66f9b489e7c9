"use client";

import { useRouter } from "next/navigation";
import { useWorkspaceControls } from "@/components/workspaces/use-workspace-controls";
import { WorkspaceControls } from "@/components/workspaces/workspace-controls";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

/** The workspace page's buttons (the page itself stays a server component); after Delete, back to the dashboard. */
export function WorkspacePageControls({ workspace }: { workspace: WorkspaceView }) {
  const router = useRouter();
  const controls = useWorkspaceControls({ kind: "workspace", workspaceId: workspace.id }, workspace.status, {
    onDeleted: () => router.push("/dashboard"),
  });
  return (
    <WorkspaceControls
      controls={controls}
      model={{
        displayName: workspace.display_name,
        serviceUrl: workspace.service_url,
        exists: true,
        lastError: workspace.last_error,
        launchLabel: "Open",
      }}
    />
  );
}
