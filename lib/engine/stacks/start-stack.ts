// Use case: an admin starts a stack's containers that are neither running nor restarting (the engine restarts
// those itself; a paused one is unpaused). Starting takes nothing down, so even a protected stack starts without
// its name typed.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { findStack } from "@/lib/engine/stacks/get-stack";
import { isStartable } from "@/lib/engine/stacks/stack-state";
import { type StackView, stackView } from "@/lib/engine/stacks/stack-view";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

export async function startStack({ actor, name }: { actor: Actor; name: string }): Promise<StackView> {
  return audited(
    actor,
    { action: "engine.stack.start", target: { type: "stack", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      const stack = await findStack(name);
      const idle = stack.containers.filter((container) => isStartable(container.state));
      draft.details = { containers: idle.map((container) => container.name) };
      // One after another, oldest first: the order Compose made them in is the closest to its depends_on order.
      for (const container of [...idle].sort((a, b) => a.createdAt - b.createdAt)) {
        const handle = getDocker().getContainer(container.id);
        await engineCall(
          "start the stack's container",
          (opts) =>
            container.state === "paused"
              ? orNull(handle.unpause(opts), hasStatus(304, 404))
              : orNull(handle.start(opts), hasStatus(304, 404)),
          { timeoutMs: SLOW_CALL_MS },
        );
      }
      return stackView(await findStack(name));
    },
  );
}
