// The one test of a typed confirmation, shared by containers and stacks: the name typed again, spaces around it
// ignored (a pasted name often carries one), nothing else. Pure: the confirmation dialogs use it too.
import { AppError } from "@/lib/errors";

/** True when `confirm` is `name` typed again. */
export function confirmsName(confirm: string | undefined, name: string): boolean {
  return (confirm ?? "").trim() === name;
}

/** Refuses (CONFIRMATION_REQUIRED, the name to type in details.confirm) unless `confirm` is `name` typed again. */
export function requireTypedName({
  name,
  confirm,
  message,
  data,
}: {
  name: string;
  confirm: string | undefined;
  message: string;
  data?: Record<string, unknown>;
}): void {
  if (confirmsName(confirm, name)) return;
  throw new AppError("CONFIRMATION_REQUIRED", message, { data: { confirm: name, ...data } });
}
