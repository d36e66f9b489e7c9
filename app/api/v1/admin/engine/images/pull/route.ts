import { assertCanPull, pullImage } from "@/lib/engine/images/pull-image";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http/read-json";
import { withAdmin } from "@/lib/http/route";
import { sseResponse } from "@/lib/http/sse";
import { pullImageSchema } from "@/lib/validations/engine-objects";

// POST /api/v1/admin/engine/images/pull { reference } — pulls it, answering an event stream: "progress" per layer
// line, then "done" { reference, id } or "error" { code, message }; an engine down before it starts is a JSON 503.
// Leaving the stream cancels the pull.
export const POST = withAdmin(async (request, { actor }) => {
  const { reference } = await readJson(request, pullImageSchema);
  await assertCanPull({ actor });
  return sseResponse(request.signal, (writer) => {
    const lifetime = new AbortController();
    pullImage({
      actor,
      reference,
      signal: lifetime.signal,
      onProgress: (event) => writer.send("progress", event),
    })
      .then((done) => writer.send("done", done))
      .catch((error: unknown) =>
        writer.send(
          "error",
          error instanceof AppError
            ? { code: error.code, message: error.message }
            : { code: "INTERNAL", message: "The pull failed. Please try again." },
        ),
      )
      .finally(() => writer.close());
    return () => lifetime.abort();
  });
});
