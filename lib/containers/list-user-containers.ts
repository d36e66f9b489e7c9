// Use case: a user's dev and prod slots with live status — one labelled Docker list call, one DB query.
import "server-only";
import { factsFromList } from "@/lib/containers/container-facts";
import type { Owner } from "@/lib/containers/container-spec-for";
import { type ContainerView, containerView } from "@/lib/containers/container-view";
import { isInFlight, launchKey } from "@/lib/containers/in-flight";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { listContainers } from "@/lib/runtime/containers";
import { managedFilter, readOwnership } from "@/lib/runtime/labels";
import { getTemplates } from "@/lib/templates/get-templates";
import { CONTAINER_TYPES } from "@/lib/templates/registry";

export async function listUserContainers({ owner }: { owner: Owner }): Promise<ContainerView[]> {
  const env = getEnv();
  const [rows, containers] = await Promise.all([
    getDb().userContainer.findMany({ where: { userId: owner.id } }),
    listContainers(managedFilter(env.LABEL_PREFIX, owner.id)),
  ]);
  const templates = getTemplates();
  return CONTAINER_TYPES.map((type) => {
    const row = rows.find((candidate) => candidate.containerType === type) ?? null;
    // Prefer the container the row points at; else one labelled with this owner and type (e.g. after a crash).
    const container =
      containers.find((candidate) => row?.containerId && candidate.Id === row.containerId) ??
      containers.find((candidate) => readOwnership(env.LABEL_PREFIX, candidate.Labels)?.type === type) ??
      null;
    return containerView({
      env,
      template: templates[type],
      slug: owner.slug,
      row,
      container: container ? factsFromList(container) : null,
      launching: isInFlight(launchKey(owner.id, type)),
    });
  });
}
