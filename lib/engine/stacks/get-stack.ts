// Use case: an admin reads one stack (404 ENGINE_OBJECT_NOT_FOUND when the engine holds nothing of it).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { stackNotFound } from "@/lib/engine/stacks/stack-errors";
import { readStack, type StackObjects } from "@/lib/engine/stacks/stack-objects";
import { type StackView, stackView } from "@/lib/engine/stacks/stack-view";
import { STACK_NAME } from "@/lib/validations/engine-stacks";

/** The stack's objects, or 404: a name that can't be a stack's is not looked up. */
export async function findStack(name: string): Promise<StackObjects> {
  const stack = STACK_NAME.test(name) ? await readStack(name) : null;
  if (!stack) throw stackNotFound(name);
  return stack;
}

export async function getStack({ actor, name }: { actor: Actor; name: string }): Promise<StackView> {
  assertAdmin(actor);
  return stackView(await findStack(name));
}
