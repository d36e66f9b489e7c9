// Every Docker call goes through here: bounded by a timeout, errors mapped once.
import "server-only";
import { getEnv } from "@/lib/env";
import { toAppError } from "@/lib/runtime/docker/errors";

/** Slow engine work (create, start, stop, remove) gets longer than a read, once the engine has answered. */
export const SLOW_CALL_MS = 60_000;

export async function dockerCall<T>(
  context: string,
  work: (opts: { abortSignal: AbortSignal }) => Promise<T>,
  timeoutMs = getEnv().DOCKER_TIMEOUT_MS,
  /** The caller's own end (a background round stopped at shutdown): the request is aborted, its socket freed. */
  signal?: AbortSignal,
  /** How a failure reads; the engine pages keep the engine's own words (lib/engine/engine-call.ts). */
  mapError: (error: unknown, context: string) => Error = toAppError,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await work({ abortSignal: signal ? AbortSignal.any([timeout, signal]) : timeout });
  } catch (error) {
    throw mapError(error, context);
  }
}

export type DockerStream = NodeJS.ReadableStream & { destroy: () => void };

/**
 * Opens a long-lived Docker stream (logs, events): only connecting is bounded by the timeout; after that
 * the stream lives until `end()` (which aborts the request and destroys the socket) or the engine closes it.
 */
export async function openDockerStream(
  context: string,
  open: (abortSignal: AbortSignal) => Promise<unknown>,
): Promise<{ stream: DockerStream; end: () => void }> {
  const lifetime = new AbortController();
  const connectTimeout = setTimeout(() => lifetime.abort(), getEnv().DOCKER_TIMEOUT_MS);
  const stream = (await dockerCall(context, () => open(lifetime.signal)).finally(() =>
    clearTimeout(connectTimeout),
  )) as DockerStream;
  return {
    stream,
    end: () => {
      lifetime.abort();
      stream.destroy();
    },
  };
}
