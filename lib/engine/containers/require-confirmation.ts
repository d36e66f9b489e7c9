// The platform's own containers (the app, Traefik, anything labelled spawner.protected) are acted on only with their
// name typed again: a slip here takes every workspace offline with nobody able to undo it from this page.

import { requireTypedName } from "@/lib/engine/confirm-name";
import type { ContainerFacts, Protection } from "@/lib/engine/self";

export function requireConfirmation(
  facts: ContainerFacts,
  protection: Protection,
  verb: "stop" | "restart" | "remove",
  confirm: string | undefined,
): void {
  if (!protection) return;
  requireTypedName({
    name: facts.name,
    confirm,
    message: `${protection.message} To ${verb} it anyway, type its name "${facts.name}" as confirm.`,
    data: { reason: protection.reason },
  });
}
