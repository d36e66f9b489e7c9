// The stack pages' refusals, in one place so the routes, the actions and the use cases say the same.
import { AppError } from "@/lib/errors";
import { STACK_NAME } from "@/lib/validations/engine-stacks";

export function stackNotFound(name: string): AppError {
  const shown = STACK_NAME.test(name) ? `"${name}"` : "of that name";
  return new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no stack ${shown} on the engine.`);
}

/** A protected stack is stopped or removed only with its name typed again. */
export function assertConfirmed(name: string, protection: string | null, confirm: string | undefined): void {
  if (protection && confirm !== name)
    throw new AppError(
      "CONFIRMATION_REQUIRED",
      `${protection} Stopping it may take the platform down: type the stack's name (${name}) to confirm.`,
    );
}
