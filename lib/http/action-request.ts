// Server-action requests are checked before React decodes them. Our actions take only JSON-like arguments (and
// the sign-out form's FormData), so anything else in a Flight reply — references, streams, broken JSON — is a 400
// here instead of Next's 500, and React's reply decoder only ever sees the plain subset.
import { AppError } from "@/lib/errors";
import { checkActionId } from "@/lib/http/action-ids";

// Next's own limit for action bodies; past it Next answers 500, we answer 413 first.
export const ACTION_BODY_LIMIT = 1024 * 1024;

// "$$…" escapes a string that starts with "$"; the others spell values JSON cannot hold.
const PLAIN_TOKEN = /^\$(?:\$[\s\S]*|undefined|NaN|Infinity|-Infinity|-0)$/;
// A FormData argument (a <form action>): its fields travel as sibling parts.
const FORM_DATA_TOKEN = /^\$K[0-9a-f]{1,8}$/;

const invalid = () => new AppError("BAD_REQUEST", "This action request is not valid.");

function isPlain(value: unknown, allowFormData: boolean): boolean {
  if (typeof value === "string")
    return (
      !value.startsWith("$") || PLAIN_TOKEN.test(value) || (allowFormData && FORM_DATA_TOKEN.test(value))
    );
  if (Array.isArray(value)) return value.every((item) => isPlain(item, allowFormData));
  if (value && typeof value === "object")
    return Object.values(value).every((item) => isPlain(item, allowFormData));
  return true;
}

/** The argument list of a fetch action (its root row): a JSON array of plain values, or a 400. */
export function assertPlainActionArgs(root: unknown, allowFormData: boolean): void {
  if (typeof root !== "string") throw invalid();
  let args: unknown;
  try {
    args = JSON.parse(root);
  } catch {
    throw invalid();
  }
  let plain = false;
  try {
    plain = Array.isArray(args) && isPlain(args, allowFormData);
  } catch {
    // Nesting deep enough to overflow the stack is not an argument list either.
  }
  if (!plain) throw invalid();
}

/**
 * Checks a write to a page, which Next treats as a server action: a fetch action (Next-Action header) or a
 * no-JavaScript form post. Next's proxy hands us a copy of the body.
 */
export async function assertActionRequest(request: Request): Promise<void> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > ACTION_BODY_LIMIT) throw tooLarge();
  const isFetchAction = request.headers.has("next-action");
  if (isFetchAction) assertKnownAction(request.headers.get("next-action") ?? "");
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    if (!isFetchAction) return;
    return assertPlainActionArgs(new TextDecoder().decode(await readLimited(request)), false);
  }
  const bytes = await readLimited(request);
  const type = request.headers.get("content-type") ?? "";
  const form = await new Response(bytes, { headers: { "content-type": type } }).formData().catch(() => {
    throw invalid();
  });
  if (isFetchAction) return assertPlainActionArgs(form.get("0"), true);
  // A form post names its action by id; bound arguments ($ACTION_REF_) are a Flight reply too, and no form
  // here binds any, so they are refused rather than decoded.
  const keys = [...form.keys()];
  if (keys.some((key) => key.startsWith("$ACTION_REF_"))) throw invalid();
  // A form post to a page is an action call only when it names exactly one action; anything else is not ours.
  const ids = keys.filter((key) => key.startsWith("$ACTION_ID_"));
  if (ids.length !== 1) throw invalid();
  assertKnownAction(ids[0]?.slice("$ACTION_ID_".length) ?? "");
}

/** An id that is not an action of this build: a bad request, or a page from an older build (reload it). */
function assertKnownAction(id: string): void {
  const check = checkActionId(id);
  if (check === "malformed") throw invalid();
  if (check === "unknown")
    throw new AppError("CONFLICT", "This page is out of date. Reload it and try again.");
}

/** The body, counted as it arrives: a chunked body declares no length, and past 1 MB Next itself answers 500. */
async function readLimited(request: Request): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

function tooLarge() {
  return new AppError("PAYLOAD_TOO_LARGE", "This action request is too large.");
}
