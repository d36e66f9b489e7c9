// Server-action requests are checked before React decodes them. Our actions take only JSON-like arguments (and
// the sign-out form's FormData), so anything else in a Flight reply — references, streams, broken JSON — is a 400
// here instead of Next's 500, and React's reply decoder only ever sees the plain subset.
import { AppError } from "@/lib/errors";

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
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    if (!isFetchAction) return;
    const body = await request.text();
    if (Buffer.byteLength(body) > ACTION_BODY_LIMIT) throw tooLarge();
    return assertPlainActionArgs(body, false);
  }
  const form = await request.formData().catch(() => {
    throw invalid();
  });
  if (isFetchAction) return assertPlainActionArgs(form.get("0"), true);
  // A form post names its action by id; bound arguments ($ACTION_REF_) are a Flight reply too, and no form
  // here binds any, so they are refused rather than decoded.
  if ([...form.keys()].some((key) => key.startsWith("$ACTION_REF_"))) throw invalid();
}

function tooLarge() {
  return new AppError("PAYLOAD_TOO_LARGE", "This action request is too large.");
}
