// Every Docker call goes through here: bounded by a timeout, errors mapped once.
import "server-only";
import { getEnv } from "@/lib/env";
import { toAppError } from "@/lib/runtime/docker-errors";

/** Slow engine work (create, start, stop, remove) gets longer than a read, once the engine has answered. */
export const SLOW_CALL_MS = 60_000;

export async function dockerCall<T>(
  context: string,
  work: (opts: { abortSignal: AbortSignal }) => Promise<T>,
  timeoutMs = getEnv().DOCKER_TIMEOUT_MS,
): Promise<T> {
  try {
    return await work({ abortSignal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw toAppError(error, context);
  }
}
