// Use cases: start, stop, restart and delete one of the caller's containers. Each is safe to repeat.
import "server-only";
import type { Owner } from "@/lib/containers/container-spec-for";
import { findUserContainer } from "@/lib/containers/find-user-container";
import { type ContainerDetails, getUserContainer } from "@/lib/containers/get-user-container";
import { isInFlight, launchKey } from "@/lib/containers/in-flight";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { removeContainer, restartContainer, startContainer, stopContainer } from "@/lib/runtime/containers";
import { type ContainerType, parseContainerType } from "@/lib/templates/registry";

export const CONTAINER_ACTIONS = ["start", "stop", "restart", "delete"] as const;
export type ContainerAction = (typeof CONTAINER_ACTIONS)[number];

export function parseContainerAction(value: unknown): ContainerAction {
  if (typeof value === "string" && (CONTAINER_ACTIONS as readonly string[]).includes(value)) {
    return value as ContainerAction;
  }
  throw new AppError("NOT_FOUND", `Unknown action. Use one of: ${CONTAINER_ACTIONS.join(", ")}.`);
}

export async function changeContainer({
  owner,
  type,
  action,
}: {
  owner: Owner;
  type: unknown;
  action: ContainerAction;
}): Promise<ContainerDetails> {
  const containerType: ContainerType = parseContainerType(type);
  if (isInFlight(launchKey(owner.id, containerType))) {
    throw new AppError("CONFLICT", "This container is being launched right now. Try again in a moment.");
  }
  const { container } = await findUserContainer({ owner, type: containerType });
  if (action === "delete") {
    if (container) await removeContainer(container.Id);
    // The row goes with the container: the card is back to "not created".
    await getDb().userContainer.deleteMany({ where: { userId: owner.id, containerType } });
  } else if (!container) {
    // Stopping what does not exist is already done; starting it needs a launch first.
    if (action !== "stop")
      throw new AppError("NOT_FOUND", "This container has not been created yet. Use Create & Open.");
  } else if (action === "start") {
    await startContainer(container.Id);
  } else if (action === "stop") {
    await stopContainer(container.Id);
  } else {
    await restartContainer(container.Id);
  }
  if (action === "start" || action === "restart") {
    await getDb().userContainer.updateMany({
      where: { userId: owner.id, containerType },
      data: { lastUsedAt: new Date() },
    });
  }
  return getUserContainer({ owner, type: containerType });
}
