// The platform's own containers (the app, Traefik, anything labelled spawner.protected) are acted on only with their
// name typed again: a slip here takes every workspace offline with nobody able to undo it from this page.

import { confirmsName } from "@/lib/engine/confirm-name";
import type { ContainerFacts, Protection } from "@/lib/engine/self";
import { AppError } from "@/lib/errors";

export function requireConfirmation(
  facts: ContainerFacts,
  protection: Protection,
  verb: "stop" | "restart" | "remove",
  confirm: string | undefined,
): void {
  if (!protection) return;
  if (confirmsName(confirm, facts.name)) return;
  throw new AppError(
    "CONFIRMATION_REQUIRED",
    `${protection.message} To ${verb} it anyway, type its name "${facts.name}" as confirm.`,
    { data: { confirm: facts.name, reason: protection.reason } },
  );
}
