// What start, stop, restart and remove share: the container found (404 first), the protection checked, the engine
// call made, and one audit event either way with the container as target (and its workspace's owner as owner).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import {
  type ContainerDetailsView,
  detailsView,
  protectionView,
} from "@/lib/engine/containers/container-view";
import { type FoundContainer, findContainer } from "@/lib/engine/containers/find-container";
import { requireConfirmation } from "@/lib/engine/containers/require-confirmation";
import { type Link, linkOf } from "@/lib/engine/containers/workspace-links";

export type ContainerVerb = "start" | "stop" | "restart" | "remove";

/** What the action found before the work: the container and its workspace link. */
export type Acted = { found: FoundContainer; link: Link };

export async function actOnContainer({
  actor,
  ref,
  verb,
  confirm,
  details = {},
  work,
}: {
  actor: Actor;
  ref: string;
  verb: ContainerVerb;
  confirm?: string;
  details?: Record<string, unknown>;
  work: (found: FoundContainer) => Promise<void>;
}): Promise<Acted> {
  return audited(
    actor,
    { action: `engine.container.${verb}`, target: { type: "container", id: ref } },
    async (draft) => {
      assertAdmin(actor);
      const found = await findContainer(ref);
      const { facts, protection } = found;
      draft.target = { type: "container", id: facts.id, name: facts.name };
      draft.details = {
        image: facts.image,
        ...details,
        ...(protection ? { protected: protection.reason } : {}),
      };
      const link = await linkOf(facts.labels);
      const { workspace } = link;
      if (workspace) {
        draft.owner = { id: workspace.owner_id, email: workspace.owner_email };
        draft.details.workspace = { id: workspace.id, name: workspace.name };
      }
      // Starting takes nothing down: only the verbs that can stop the platform ask for the name.
      if (verb !== "start") requireConfirmation(facts, protection, verb, confirm);
      await work(found);
      return { found, link };
    },
  );
}

/** The container's details after the work: inspected once more (its state changed), the link as found before. */
export async function detailsAfter({ found, link }: Acted): Promise<ContainerDetailsView> {
  const { inspected, protection } = await findContainer(found.facts.id);
  return detailsView(inspected, { ...link, protected: protectionView(protection) });
}
