// Docker's failures in our words: raw engine messages never reach a user.
import { AppError } from "@/lib/errors";

type DockerError = Error & { statusCode?: number; code?: string; reason?: string; json?: unknown };

const UNREACHABLE_CODES = new Set([
  "ENOENT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EACCES",
]);

export function dockerStatus(error: unknown): number | undefined {
  return (error as DockerError | undefined)?.statusCode;
}

/** A predicate for "Docker answered with this status", e.g. 404 (already gone) or 304 (already so). */
export const hasStatus =
  (...statuses: number[]) =>
  (error: unknown): boolean =>
    statuses.includes(dockerStatus(error) ?? -1);

/** Runs work; an error the predicate accepts means "already so" and yields null. */
export async function orNull<T>(work: Promise<T>, when: (error: unknown) => boolean): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (when(error)) return null;
    throw error;
  }
}

/** True when the engine could not be reached or did not answer in time. */
export function isEngineUnavailable(error: unknown): boolean {
  const err = error as DockerError | undefined;
  if (!err) return false;
  if (err.code && UNREACHABLE_CODES.has(err.code)) return true;
  // Our per-call AbortSignal.timeout fired: the engine did not answer in time.
  if (err.name === "AbortError" || err.name === "TimeoutError") return true;
  return /timeout|socket hang up|connect E/i.test(err.message ?? "");
}

/** Turns any Docker error into an AppError; unknown ones become a generic message (details go to the log). */
export function toAppError(error: unknown, context: string): AppError {
  if (error instanceof AppError) return error;
  if (isEngineUnavailable(error)) {
    return new AppError(
      "CONTAINER_ENGINE_UNAVAILABLE",
      "The container engine is not reachable right now. Please try again in a moment.",
    );
  }
  console.error(`[runtime] ${context} failed:`, (error as Error)?.message ?? error);
  // Any call can fail this way (list, stop, logs ...), so the code names the engine, not one operation.
  return new AppError(
    "CONTAINER_ENGINE_ERROR",
    `The container engine could not ${context}. Please try again.`,
  );
}
