"use server";

import { revalidatePath } from "next/cache";
import type { ContainerDetailsView } from "@/lib/engine/containers/container-view";
import { type RemovedView, removeContainer } from "@/lib/engine/containers/remove-container";
import { restartContainer } from "@/lib/engine/containers/restart-container";
import { startContainer } from "@/lib/engine/containers/start-container";
import { stopContainer } from "@/lib/engine/containers/stop-container";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";
import { parseContainerRef } from "@/lib/validations/engine-containers";

// Server actions of the engine's container pages, one per verb: the same use cases as
// POST /api/v1/admin/engine/containers/[id]/start|stop|restart and DELETE …/[id]?force=&confirm=.

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

function refreshed<T>(result: T): T {
  revalidatePath("/admin/engine/containers", "layout");
  return result;
}

export async function startContainerAction(id: unknown): Promise<ActionResult<ContainerDetailsView>> {
  return adminAction(async (actor) => refreshed(await startContainer({ actor, ref: parseContainerRef(id) })));
}

export async function stopContainerAction(
  id: unknown,
  confirm: unknown,
): Promise<ActionResult<ContainerDetailsView>> {
  return adminAction(async (actor) =>
    refreshed(await stopContainer({ actor, ref: parseContainerRef(id), confirm: text(confirm) })),
  );
}

export async function restartContainerAction(
  id: unknown,
  confirm: unknown,
): Promise<ActionResult<ContainerDetailsView>> {
  return adminAction(async (actor) =>
    refreshed(await restartContainer({ actor, ref: parseContainerRef(id), confirm: text(confirm) })),
  );
}

export async function removeContainerAction(
  id: unknown,
  force: unknown,
  confirm: unknown,
): Promise<ActionResult<RemovedView>> {
  return adminAction(async (actor) =>
    refreshed(
      await removeContainer({
        actor,
        ref: parseContainerRef(id),
        force: force === true,
        confirm: text(confirm),
      }),
    ),
  );
}
