// Use case: one container slot with details for its page and GET /api/containers/[type].
import "server-only";
import { factsFromInspect } from "@/lib/containers/container-facts";
import type { Owner } from "@/lib/containers/container-spec-for";
import { type ContainerView, containerView } from "@/lib/containers/container-view";
import { findUserContainer } from "@/lib/containers/find-user-container";
import { isInFlight, launchKey } from "@/lib/containers/in-flight";
import { getEnv } from "@/lib/env";
import { getTemplates } from "@/lib/templates/get-templates";
import { parseContainerType } from "@/lib/templates/registry";

export type ContainerDetails = ContainerView & { image: string | null; name: string | null };

export async function getUserContainer({
  owner,
  type,
}: {
  owner: Owner;
  type: unknown;
}): Promise<ContainerDetails> {
  const containerType = parseContainerType(type);
  const { row, container } = await findUserContainer({ owner, type: containerType });
  const view = containerView({
    env: getEnv(),
    template: getTemplates()[containerType],
    slug: owner.slug,
    row,
    container: container ? factsFromInspect(container) : null,
    launching: isInFlight(launchKey(owner.id, containerType)),
  });
  return {
    ...view,
    image: container?.Config.Image ?? null,
    name: container?.Name.replace(/^\//, "") ?? null,
  };
}
