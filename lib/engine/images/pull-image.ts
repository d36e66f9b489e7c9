// Use case: an admin pulls an image by reference, watching the engine's progress per layer. Only the start is
// bounded (a big pull may take many minutes); the client leaving aborts the pull, so nothing waits on a stream
// nobody reads. Audited with the outcome: IMAGE_PULL_FAILED carries the registry's own message.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineError, engineMessage } from "@/lib/engine/engine-call";
import { withTag } from "@/lib/engine/images/image-view";
import { type PullProgress, progressOf, throttled } from "@/lib/engine/images/pull-events";
import { AppError } from "@/lib/errors";
import { SLOW_CALL_MS } from "@/lib/runtime/docker/call";
import { getDocker } from "@/lib/runtime/docker/client";
import { engineInfo } from "@/lib/runtime/docker/engine";
import { inspectImage } from "@/lib/runtime/docker/images";

function pullFailed(reference: string, message: string): AppError {
  return new AppError("IMAGE_PULL_FAILED", `The engine could not pull ${reference}: ${message}`);
}

/** Follows the stream to its end; resolves with the engine's error line, if it sent one (followProgress ignores it). */
async function follow(
  stream: NodeJS.ReadableStream,
  onProgress: (event: PullProgress) => void,
): Promise<string | null> {
  let failure: string | null = null;
  return new Promise((resolve, reject) => {
    getDocker().modem.followProgress(
      stream,
      (error: unknown) => (error ? reject(error) : resolve(failure)),
      (line: Parameters<typeof progressOf>[0]) => {
        const message = line.errorDetail?.message ?? line.error;
        if (message) failure ??= message;
        const event = progressOf(line);
        if (event) onProgress(event);
      },
    );
  });
}

/** Before the event stream opens (bounded): a down engine is an HTTP 503, not an error event after a 200. */
export async function assertCanPull({ actor }: { actor: Actor }): Promise<void> {
  assertAdmin(actor);
  await engineInfo(getDocker());
}

export async function pullImage({
  actor,
  reference: raw,
  signal,
  onProgress,
}: {
  actor: Actor;
  reference: string;
  /** The client's request: aborted when it leaves. */
  signal: AbortSignal;
  onProgress: (event: PullProgress) => void;
}): Promise<{ reference: string; id: string }> {
  const reference = withTag(raw);
  return audited(
    actor,
    { action: "engine.image.pull", target: { type: "image", name: reference } },
    async (draft) => {
      assertAdmin(actor);
      const lifetime = new AbortController();
      const leave = () => lifetime.abort();
      signal.addEventListener("abort", leave, { once: true });
      // The engine answers only once the registry has (its own limit on that is about 25 s): ours is longer.
      let timedOut = false;
      const connect = setTimeout(() => {
        timedOut = true;
        leave();
      }, SLOW_CALL_MS);
      try {
        let stream: NodeJS.ReadableStream;
        try {
          stream = (await getDocker().pull(reference, {
            abortSignal: lifetime.signal,
          })) as NodeJS.ReadableStream;
        } catch (error) {
          if (signal.aborted) throw pullFailed(reference, "the request was cancelled.");
          if (timedOut)
            throw pullFailed(reference, `the engine did not start it within ${SLOW_CALL_MS / 1000} s.`);
          const message = engineMessage(error);
          throw message ? pullFailed(reference, message) : engineError(error, "pull the image");
        } finally {
          clearTimeout(connect);
        }
        let failure: string | null;
        try {
          failure = await follow(stream, throttled(onProgress));
        } catch (error) {
          if (signal.aborted) throw pullFailed(reference, "the request was cancelled.");
          throw pullFailed(reference, engineMessage(error) || (error as Error).message || "unknown error");
        }
        // An aborted stream ends like a finished one; an error line (a layer the registry failed to serve) too.
        if (signal.aborted) throw pullFailed(reference, "the request was cancelled.");
        if (failure) throw pullFailed(reference, failure.split("\n")[0]?.slice(0, 500) ?? failure);
        const image = await inspectImage<{ Id: string }>(getDocker(), reference);
        draft.target = { type: "image", id: image.Id, name: reference };
        return { reference, id: image.Id };
      } finally {
        signal.removeEventListener("abort", leave);
      }
    },
  );
}
