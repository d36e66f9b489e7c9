// Finds one user's container of one type: by the id in its row, else by its derived name. Owner-scoped by design.
import "server-only";
import type { UserContainer } from "@prisma/client";
import type { ContainerInspectInfo } from "dockerode";
import type { Owner } from "@/lib/containers/container-spec-for";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { inspectContainer } from "@/lib/runtime/containers";
import { readOwnership } from "@/lib/runtime/labels";
import { containerName } from "@/lib/runtime/names";
import type { ContainerType } from "@/lib/templates/registry";

export type FoundContainer = { row: UserContainer | null; container: ContainerInspectInfo | null };

export async function findUserContainer({
  owner,
  type,
}: {
  owner: Owner;
  type: ContainerType;
}): Promise<FoundContainer> {
  const row = await getDb().userContainer.findUnique({
    where: { userId_containerType: { userId: owner.id, containerType: type } },
  });
  const byId = row?.containerId ? await inspectContainer(row.containerId) : null;
  const container =
    byId ?? (await inspectContainer(containerName({ slug: owner.slug, type, userId: owner.id })));
  // Never act on a container whose labels name someone else, whatever its name says.
  const mine =
    container && readOwnership(getEnv().LABEL_PREFIX, container.Config.Labels)?.userId === owner.id;
  return { row, container: mine ? container : null };
}
