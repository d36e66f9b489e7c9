// The shape users and the API see for one container slot, built from a row and Docker's list entry.
import type { ContainerFacts } from "@/lib/containers/container-facts";
import { type ContainerStatus, statusFromDocker } from "@/lib/containers/container-status";
import type { Env } from "@/lib/env";
import { serviceUrl } from "@/lib/ingress/ingress";
import type { ContainerType, Template } from "@/lib/templates/registry";

export type ContainerView = {
  type: ContainerType;
  display_name: string;
  description: string;
  status: ContainerStatus;
  service_url: string | null;
  container_id: string | null;
  created_at: string | null;
  last_used: string | null;
};

export type ContainerRow = { containerId: string | null; createdAt: Date; lastUsedAt: Date };

export function containerView(input: {
  env: Env;
  template: Template;
  slug: string;
  row: ContainerRow | null;
  container: ContainerFacts | null;
  launching: boolean;
}): ContainerView {
  const { env, template, row, container } = input;
  const status = statusFromDocker({
    state: container?.state,
    exitCode: container?.exitCode,
    launching: input.launching,
  });
  const url =
    container && status === "running"
      ? serviceUrl(env, { slug: input.slug, type: template.type, port: template.port }, container.ports)
      : null;
  return {
    type: template.type,
    display_name: template.displayName,
    description: template.description,
    status,
    service_url: url,
    container_id: container?.id ?? null,
    created_at: container ? (row?.createdAt ?? container.created).toISOString() : null,
    last_used: container && row ? row.lastUsedAt.toISOString() : null,
  };
}
