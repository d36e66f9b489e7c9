// The shapes people and API clients see, built from a row and its workload. Wire names are the API's (snake_case).
import type { Env } from "@/lib/env";
import { appUrl, serviceUrl } from "@/lib/ingress/ingress";
import type { NodeStatus, Workload } from "@/lib/runtime/runtime";
import { primaryApp, type Template } from "@/lib/templates/template";
import { asMadeFrom } from "@/lib/workspaces/made-from";
import { effectiveIdleSeconds, effectiveLimits, type WorkspaceSettings } from "@/lib/workspaces/settings";
import { statusOf, type WorkspaceStatus } from "@/lib/workspaces/status";

export type ViewRow = {
  id: string;
  name: string;
  displayName: string;
  routeKey: string;
  hostKey: string | null;
  volumeName: string;
  createdAt: Date;
  lastUsedAt: Date;
  stoppedReason: string | null;
  stoppedAt: Date | null;
  lastError: string | null;
  pendingChange: string | null;
  /** The template version its workload was made from. */
  templateVersion: number;
  /** The apps its workload was made from (JSON; null: the template's current). */
  apps: string | null;
  repoClonedAt: Date | null;
  owner: { id: string; slug: string };
  secrets: { kind: string; path: string; size: number; updatedAt: Date }[];
};

export type WorkspaceView = {
  id: string;
  name: string;
  display_name: string;
  owner: { id: string; slug: string };
  template: { name: string; display_name: string; description: string };
  status: WorkspaceStatus;
  service_url: string | null;
  container_id: string | null;
  created_at: string;
  last_used: string;
  /** When its running workload started (null unless it runs). */
  started_at: string | null;
  /** Why it is not running: manual, admin, inactivity, lifetime, error, resource_limit; null while it runs. */
  stopped_reason: string | null;
  stopped_at: string | null;
  /** In effect: stopped after this many minutes without activity (0: never). */
  idle_timeout_minutes: number;
  /** The longest its template lets it choose (0: no bound, "never" allowed). */
  idle_timeout_max_minutes: number;
  last_error: string | null;
  /**
   * Where it runs on a cluster runtime (null on one engine): its node, the node its data pins it to, and why it waits
   * when it can't run (that node down or drained, no room).
   */
  placement: {
    node: string | null;
    node_status: NodeStatus | null;
    pinned_to: string | null;
    pinned_node_status: NodeStatus | null;
    waiting: string | null;
  } | null;
  /** A saved settings change the workload does not run with yet: applied by a restart or a re-creation. */
  pending_change: "restart" | "recreate" | null;
  /** Its workload was made from an older version of its template: re-creating it (POST …/update) brings it up to date. */
  update_available: boolean;
  apps: { name: string; port: number; primary: boolean; url: string | null }[];
  /** The primary app's URL where it may be shown inside the app (its own origin, framed by the app's alone). */
  embed_url: string | null;
  settings: {
    git: {
      url: string;
      branch: string | null;
      username: string | null;
      has_token: boolean;
      cloned_at: string | null;
    } | null;
    env: { key: string; value: string }[];
    secret_files: { path: string; size: number; updated_at: string }[];
    /** In effect: the workspace's own where set, the template's defaults elsewhere. */
    limits: { memory_mb: number; cpus: number; pids: number };
    /** The workspace's own (null: the template's default applies). */
    limits_custom: { memory_mb: number | null; cpus: number | null; pids: number | null };
    /** Its own idle timeout in minutes (null: the template's). */
    idle_timeout_minutes: number | null;
  };
  limits_default: { memory_mb: number; cpus: number; pids: number };
  limits_max: { memory_mb: number; cpus: number; pids: number };
  data: { path: string; volume: string };
};

function placementOf(workload: Workload | null): WorkspaceView["placement"] {
  if (!workload?.node && !workload?.pinnedTo) return null;
  return {
    node: workload.node?.hostname ?? null,
    node_status: workload.node?.status ?? null,
    pinned_to: workload.pinnedTo?.hostname ?? null,
    pinned_node_status: workload.pinnedTo?.status ?? null,
    waiting: workload.waiting ?? null,
  };
}

export function workspaceView(input: {
  env: Env;
  row: ViewRow;
  settings: WorkspaceSettings;
  template: Template;
  workload: Workload | null;
  launching: boolean;
}): WorkspaceView {
  const { env, row, settings, workload } = input;
  // A workload keeps the apps it was made from until it is re-created; a new one takes the template's current.
  const template = workload ? asMadeFrom(input.template, row) : input.template;
  const status = statusOf(workload, input.launching);
  const running = status === "running";
  const limits = effectiveLimits(settings, template);
  const _primary = primaryApp(template);
  return {
    id: row.id,
    name: row.name,
    display_name: row.displayName,
    // Only what the view promises: the row carries more of the owner (email, disabled) for the use cases.
    owner: { id: row.owner.id, slug: row.owner.slug },
    template: { name: template.name, display_name: template.displayName, description: template.description },
    status,
    service_url: running ? serviceUrl(env, row, workload, template.apps) : null,
    container_id: workload?.id ?? null,
    created_at: row.createdAt.toISOString(),
    last_used: row.lastUsedAt.toISOString(),
    started_at: running ? (workload?.startedAt?.toISOString() ?? null) : null,
    stopped_reason: running ? null : (row.stoppedReason ?? crashReason(workload)),
    stopped_at: running ? null : (row.stoppedAt?.toISOString() ?? null),
    idle_timeout_minutes: effectiveIdleSeconds(settings, template) / 60,
    idle_timeout_max_minutes: template.idleSeconds / 60,
    last_error: row.lastError ?? workload?.waiting ?? null,
    placement: placementOf(workload),
    pending_change:
      workload && (row.pendingChange === "restart" || row.pendingChange === "recreate")
        ? row.pendingChange
        : null,
    // A re-creation already due makes it from the current template anyway.
    update_available:
      workload !== null && row.templateVersion < template.version && row.pendingChange !== "recreate",
    embed_url: running && env.WORKSPACE_DOMAIN ? serviceUrl(env, row, workload, template.apps) : null,
    apps: template.apps.map((app) => ({
      name: app.name,
      port: app.port,
      primary: app.primary,
      url: running ? appUrl(env, row, workload, app) : null,
    })),
    settings: {
      git: settings.git
        ? {
            url: settings.git.url,
            branch: settings.git.branch,
            username: settings.git.username,
            has_token: row.secrets.some((secret) => secret.kind === "git-token"),
            cloned_at: row.repoClonedAt?.toISOString() ?? null,
          }
        : null,
      env: settings.env,
      secret_files: row.secrets
        .filter((secret) => secret.kind === "file")
        .map((secret) => ({
          path: secret.path,
          size: secret.size,
          updated_at: secret.updatedAt.toISOString(),
        })),
      limits: { memory_mb: limits.memoryMb, cpus: limits.cpus, pids: limits.pids },
      limits_custom: {
        memory_mb: settings.limits.memoryMb ?? null,
        cpus: settings.limits.cpus ?? null,
        pids: settings.limits.pids ?? null,
      },
      idle_timeout_minutes: settings.idleSeconds === undefined ? null : settings.idleSeconds / 60,
    },
    limits_default: {
      memory_mb: template.defaults.memoryMb,
      cpus: template.defaults.cpus,
      pids: template.defaults.pids,
    },
    limits_max: {
      memory_mb: template.maxima.memoryMb,
      cpus: template.maxima.cpus,
      pids: template.maxima.pids,
    },
    data: { path: template.dataPath, volume: row.volumeName },
  };
}

/** The seed's container slot: `GET /api/user/containers` answers these for dev and prod. */
export type SlotView = {
  type: string;
  display_name: string;
  description: string;
  status: WorkspaceStatus;
  service_url: string | null;
  container_id: string | null;
  created_at: string | null;
  last_used: string | null;
};

export function slotView(template: Template, view: WorkspaceView | null, launching: boolean): SlotView {
  return {
    type: template.name,
    display_name: template.displayName,
    description: template.description,
    status: view?.status ?? (launching ? "creating" : "not_created"),
    service_url: view?.service_url ?? null,
    container_id: view?.container_id ?? null,
    created_at: view?.container_id ? view.created_at : null,
    last_used: view?.container_id ? view.last_used : null,
  };
}

/**
 * Not stopped by anyone, and failed (a signal's exit, as from `docker stop`, is a stop, not a failure): it ran out
 * of memory (its limit), or its app ended on its own with an error.
 */
function crashReason(workload: Workload | null): string | null {
  if (workload?.state !== "failed") return null;
  return workload.oomKilled ? "resource_limit" : "error";
}
