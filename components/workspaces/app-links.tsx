import { ExternalLink } from "lucide-react";
import type { WorkspaceView } from "@/lib/workspaces/workspace-view";

/** Every app of a running workspace, each on its own address: the primary opens the workspace, the others theirs. */
export function AppLinks({ workspace }: { workspace: WorkspaceView }) {
  const apps = workspace.apps.filter((app) => app.url);
  if (apps.length < 2) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Apps">
      {apps.map((app) => (
        <li key={app.name}>
          <a
            href={app.url ?? undefined}
            target="_blank"
            rel="noopener noreferrer"
            data-testid={`app-link-${app.name}`}
            className="inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1 text-sm hover:bg-muted"
          >
            <ExternalLink className="size-3.5" aria-hidden />
            Open {app.name}
            <span className="text-muted-foreground">:{app.port}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
