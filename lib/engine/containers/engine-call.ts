// The engine pages' Docker calls: bounded like every call (lib/runtime/docker/call.ts), and a container the engine
// does not know is 404 ENGINE_OBJECT_NOT_FOUND. A refusal of the engine (409: removing a running container without
// force) keeps the engine's own sentence, since the admin acts on the engine itself and needs to know why.
import "server-only";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { dockerStatus, toAppError } from "@/lib/runtime/docker/errors";

type EngineError = Error & { json?: { message?: string } | null; reason?: string };

export function containerNotFound(ref: string): AppError {
  return new AppError("ENGINE_OBJECT_NOT_FOUND", `There is no container ${ref} on the engine.`);
}

function engineMessage(error: unknown): string {
  const err = error as EngineError;
  const message = err.json?.message ?? err.reason ?? "";
  // One line, bounded: the engine's sentence, never a stack.
  return message.split("\n")[0]?.slice(0, 300) ?? "";
}

export async function engineCall<T>(
  context: string,
  ref: string,
  work: (opts: { abortSignal: AbortSignal }) => Promise<T>,
  timeoutMs?: number,
): Promise<T> {
  try {
    return await work({ abortSignal: AbortSignal.timeout(timeoutMs ?? getEnv().DOCKER_TIMEOUT_MS) });
  } catch (error) {
    const status = dockerStatus(error);
    if (status === 404) throw containerNotFound(ref);
    if (status === 409)
      throw new AppError("CONFLICT", engineMessage(error) || `The engine refused to ${context}.`);
    // Timeouts, a daemon that is down, anything else: as every Docker call maps them.
    throw toAppError(error, context);
  }
}
