// Use case: the caller's container logs, followed for as long as the viewer stays.
import "server-only";
import type { Owner } from "@/lib/containers/container-spec-for";
import { findUserContainer } from "@/lib/containers/find-user-container";
import { AppError } from "@/lib/errors";
import type { LogLine } from "@/lib/runtime/log-frames";
import { followLogs, readAllLogs } from "@/lib/runtime/logs";
import { parseContainerType } from "@/lib/templates/registry";

const TAIL_LINES = 200;

async function requireContainerId(owner: Owner, type: unknown): Promise<string> {
  const { container } = await findUserContainer({ owner, type: parseContainerType(type) });
  if (!container) throw new AppError("NOT_FOUND", "This container has not been created yet.");
  return container.Id;
}

export type LogHandlers = { onLine: (line: LogLine) => void; onEnd: () => void };

/** Resolves the caller's container first (404 before any stream opens), then follows it on demand. */
export async function logFollower({ owner, type }: { owner: Owner; type: unknown }) {
  const id = await requireContainerId(owner, type);
  return (handlers: LogHandlers) => followLogs(id, { tail: TAIL_LINES, ...handlers });
}

export async function downloadContainerLogs({
  owner,
  type,
}: {
  owner: Owner;
  type: unknown;
}): Promise<string> {
  return readAllLogs(await requireContainerId(owner, type));
}
