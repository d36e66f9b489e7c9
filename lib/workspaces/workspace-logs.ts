// Use cases: a workspace's log, followed for as long as the viewer stays, its last lines, or downloaded whole.
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { LogLine } from "@/lib/runtime/runtime";
import { findVisibleWorkspace, findWorkload } from "@/lib/workspaces/workspace-store";

const TAIL_LINES = 200;

async function requireWorkload(actor: Actor, workspaceId: string) {
  const workspace = await findVisibleWorkspace(actor, workspaceId);
  const workload = await findWorkload(workspace);
  // The workspace exists (so not 404): it has no container yet, so no log.
  if (!workload) throw new AppError("CONFLICT", "This workspace has no container yet, so it has no log.");
  return { workspace, workload };
}

/** `onEnd`: the engine ended the log (the workload stopped); `onError`: the stream broke (the viewer reconnects). */
export type LogHandlers = { onLine: (line: LogLine) => void; onEnd: () => void; onError: () => void };

/** Resolves the workload first (404 before any stream opens), then follows it on demand. */
export async function logFollower({ actor, workspaceId }: { actor: Actor; workspaceId: string }) {
  const { workload } = await requireWorkload(actor, workspaceId);
  return (handlers: LogHandlers) => getRuntime().followLogs(workload.id, { tail: TAIL_LINES, ...handlers });
}

/** The last `tail` lines, each with its stream (GET /api/v1/workspaces/{id}/logs?tail=). */
export async function readWorkspaceLogTail({
  actor,
  workspaceId,
  tail,
}: {
  actor: Actor;
  workspaceId: string;
  tail: number;
}): Promise<LogLine[]> {
  const { workload } = await requireWorkload(actor, workspaceId);
  return getRuntime().readLogLines(workload.id, tail);
}

export async function downloadWorkspaceLogs({ actor, workspaceId }: { actor: Actor; workspaceId: string }) {
  const { workspace, workload } = await requireWorkload(actor, workspaceId);
  return {
    filename: `${workspace.owner.slug}-${workspace.name}.log`,
    text: await getRuntime().readAllLogs(workload.id),
  };
}
