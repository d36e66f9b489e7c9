// Use case: an admin stops a stack's live containers: running, restarting and paused ones (the engine's 10 s grace
// each, all at once). A protected stack (the app's own, Traefik's) only with its name typed again.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { findStack } from "@/lib/engine/stacks/get-stack";
import { assertConfirmed, protectedWhy } from "@/lib/engine/stacks/stack-errors";
import { isLive } from "@/lib/engine/stacks/stack-state";
import { type StackView, stackProtection, stackView } from "@/lib/engine/stacks/stack-view";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";

export async function stopStack({
  actor,
  name,
  confirm,
}: {
  actor: Actor;
  name: string;
  confirm?: string;
}): Promise<StackView> {
  return audited(
    actor,
    { action: "engine.stack.stop", target: { type: "stack", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      const stack = await findStack(name);
      assertConfirmed(name, protectedWhy(stackProtection(stack)), confirm);
      const live = stack.containers.filter((container) => isLive(container.state));
      draft.details = { containers: live.map((container) => container.name) };
      await Promise.all(
        live.map((container) =>
          engineCall(
            "stop the stack's container",
            // 304: already stopped; 404: gone meanwhile.
            (opts) =>
              orNull(
                getDocker()
                  .getContainer(container.id)
                  .stop({ ...opts, t: 10 }),
                hasStatus(304, 404),
              ),
            { timeoutMs: SLOW_CALL_MS },
          ),
        ),
      );
      return stackView(await findStack(name));
    },
  );
}
