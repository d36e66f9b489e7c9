// The full workload spec of one workspace, from settings, template and owner: pure, so it is tested as data.
import type { Env } from "@/lib/env";
import { ingressLabels, publishesLoopbackPort, serviceBasePath } from "@/lib/ingress/ingress";
import type { WorkloadSpec } from "@/lib/runtime/runtime";
import type { Template } from "@/lib/templates/template";
import { volumeMountOf } from "@/lib/templates/template-volume";
import { workspaceAccessToken } from "@/lib/workspace-auth/access-token";
import { volumeLabels, workloadLabels } from "@/lib/workspaces/labels";
import { effectiveLimits, type WorkspaceSettings } from "@/lib/workspaces/settings";

export type SpecWorkspace = {
  id: string;
  name: string;
  routeKey: string;
  hostKey: string | null;
  workloadName: string;
  volumeName: string;
  settings: WorkspaceSettings;
};

const MB = 1024 * 1024;

export function workloadSpecFor(
  env: Env,
  workspace: SpecWorkspace,
  owner: { id: string; slug: string },
  template: Template,
): WorkloadSpec {
  const limits = effectiveLimits(workspace.settings, template);
  const identity = {
    workspaceId: workspace.id,
    ownerId: owner.id,
    name: workspace.name,
    template: template.name,
    slug: owner.slug,
  };
  return {
    name: workspace.workloadName,
    hostname: `${owner.slug}-${workspace.name}`.slice(0, 63).replace(/-+$/, ""),
    image: template.image,
    ports: template.apps.map((candidate) => candidate.port),
    network: env.CONTAINER_NETWORK,
    labels: {
      ...workloadLabels(env.LABEL_PREFIX, identity),
      ...ingressLabels(env, {
        workspaceId: workspace.id,
        routeKey: workspace.routeKey,
        hostKey: workspace.hostKey,
        apps: template.apps,
      }),
    },
    env: {
      ...Object.fromEntries(workspace.settings.env.map((entry) => [entry.key, entry.value])),
      // Set by the app, after the user's (whose names may not shadow these: the schema refuses them).
      USER_ID: owner.id,
      USER_SLUG: owner.slug,
      CONTAINER_TYPE: template.name,
      SERVICE_BASE_PATH: serviceBasePath(env, workspace.routeKey),
      WORKSPACE_ID: workspace.id,
      WORKSPACE_NAME: workspace.name,
      WORKSPACE_DATA: template.dataPath,
      // Behind Traefik: what a request that came through forward-auth carries (X-Spawner-Access), for templates
      // that guard their port against other workspaces on the shared network (the IDE does).
      ...(env.INGRESS === "traefik"
        ? { WORKSPACE_ACCESS_TOKEN: workspaceAccessToken(env.AUTH_SECRET, workspace.id) }
        : {}),
    },
    limits: { memoryBytes: limits.memoryMb * MB, cpus: limits.cpus, pidsLimit: limits.pids },
    // A scheduler (Swarm) places it only on a node with this much memory unreserved: its limit shared out by the
    // overcommit the capacity check allows, so a node takes as many as the app's own check would let start there.
    reservations: { memoryBytes: Math.floor((limits.memoryMb * MB) / env.CAPACITY_OVERCOMMIT), cpus: 0 },
    capAdd: env.CONTAINER_CAP_ADD,
    publishOnLoopback: publishesLoopbackPort(env),
    volume: {
      name: workspace.volumeName,
      target: template.dataPath,
      labels: volumeLabels(env.LABEL_PREFIX, { workspaceId: workspace.id, ownerId: owner.id }),
      ...volumeMountOf(template.volume, workspace.volumeName),
    },
  };
}
