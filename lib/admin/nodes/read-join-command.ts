// Use case: the command that joins a new machine as a worker. It carries the Swarm's worker join token (anyone with
// it can add a node that gets workspaces' tasks), so it is for admins only and every read is audited, like a view
// of a secret.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";

export type JoinCommandView = { command: string };

export async function readJoinCommand({ actor }: { actor: Actor }): Promise<JoinCommandView> {
  return audited(actor, { action: "node.join-command", target: { type: "cluster" } }, async () => {
    assertAdmin(actor);
    const runtime = getRuntime();
    if (!runtime.joinCommand)
      throw new AppError(
        "NOT_AVAILABLE",
        "This platform runs on one Docker engine: there is no cluster to join. Set RUNTIME=swarm to run on a Swarm.",
      );
    return { command: await runtime.joinCommand() };
  });
}
