// The engine pages' Docker calls (containers, images, volumes, networks, system): bounded like every call
// (lib/runtime/docker/call.ts), but an engine's refusal keeps its own words, since here the admin acts on the engine
// itself and "image is being used by container abc" or "stop the container before removing" is what they need to
// read. 404 is the object gone; an engine that cannot be reached is 503 as everywhere.
import "server-only";
import { AppError } from "@/lib/errors";
import { dockerCall } from "@/lib/runtime/docker/call";
import { dockerStatus, isEngineUnavailable, toAppError } from "@/lib/runtime/docker/errors";

type EngineError = Error & { json?: { message?: string } | null; reason?: string };

/** The engine's own message (one line, no stack); dockerode keeps it in json.message. */
export function engineMessage(error: unknown): string {
  const err = error as EngineError | undefined;
  // A streamed call (pull) has no parsed body: the engine's words follow "(HTTP code 404) unexpected - ".
  const fromMessage = /^\(HTTP code \d+\) [^-]*- (.+)$/s.exec(err?.message ?? "")?.[1]?.trim();
  const text = err?.json?.message ?? fromMessage ?? "";
  return String(text).split("\n")[0]?.slice(0, 500) ?? "";
}

/** Maps a raw dockerode error; `what` names the object for a 404 ("image spawner-dev:latest"). */
export function engineError(error: unknown, context: string, what?: string): AppError {
  if (error instanceof AppError) return error;
  if (isEngineUnavailable(error)) return toAppError(error, context);
  const status = dockerStatus(error);
  const message = engineMessage(error);
  if (status === 404)
    return new AppError("ENGINE_OBJECT_NOT_FOUND", what ? `There is no ${what} on the engine.` : message);
  if (status === 409 && message) return new AppError("IN_USE", `The engine refused: ${message}`);
  if (status === 400 && message) return new AppError("VALIDATION_FAILED", `The engine refused: ${message}`);
  // 403 is two refusals: a network with containers on it ("has active endpoints"), or a pre-defined one.
  if (status === 403 && /has active endpoints/i.test(message))
    return new AppError("IN_USE", `The engine refused: ${message}`);
  if (status === 403 && message) return new AppError("PROTECTED", `The engine refused: ${message}`);
  return toAppError(error, context);
}

/** dockerCall with the engine's words kept; `what` names the object for a 404. */
export function engineCall<T>(
  context: string,
  work: (opts: { abortSignal: AbortSignal }) => Promise<T>,
  options: { what?: string; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<T> {
  return dockerCall(context, work, options.timeoutMs, options.signal, (error, what) =>
    engineError(error, what, options.what),
  );
}

type Bounded<T> = (opts: { abortSignal: AbortSignal }) => Promise<T>;

/** dockerode's types take no options for info, version and df, though the calls pass an abort signal on. */
export function withSignal<T = Record<string, unknown>>(call: (...args: never[]) => unknown): Bounded<T> {
  return call as unknown as Bounded<T>;
}
