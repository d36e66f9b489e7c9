// Use case: one container's details for an admin: image, state, ports, mounts, networks with their addresses, its
// environment, labels, command and health (secret-looking values masked: lib/engine/containers/secret-text.ts).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import {
  type ContainerDetailsView,
  detailsView,
  protectionView,
} from "@/lib/engine/containers/container-view";
import { findContainer } from "@/lib/engine/containers/find-container";
import { linkOf } from "@/lib/engine/containers/workspace-links";

export async function inspectContainer({
  actor,
  ref,
}: {
  actor: Actor;
  ref: string;
}): Promise<ContainerDetailsView> {
  assertAdmin(actor);
  const { inspected, facts, protection } = await findContainer(ref);
  const link = await linkOf(facts.labels);
  return detailsView(inspected, { ...link, protected: protectionView(protection) });
}
