// The stack pages' refusals, in one place so the routes, the actions and the use cases say the same.
import { requireTypedName } from "@/lib/engine/confirm-name";
import { AppError } from "@/lib/errors";
import { STACK_NAME } from "@/lib/validations/engine-stacks";

export function stackNotFound(name: string): AppError {
  const shown = STACK_NAME.test(name) ? `"${name}"` : "of that name";
  return new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no stack ${shown} on the engine.`);
}

/** A protected stack is stopped or removed, and a stack's data deleted, only with its name typed again. */
export function assertConfirmed(name: string, why: string | null, confirm: string | undefined): void {
  if (why)
    requireTypedName({
      name,
      confirm,
      message: `${why} Type the stack's name (${name}) as confirm to go ahead.`,
    });
}

/** Why stopping or removing a protected stack needs its name typed. */
export function protectedWhy(protection: string | null): string | null {
  return protection && `${protection} Stopping or removing it may take the platform down.`;
}
