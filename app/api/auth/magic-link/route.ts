import type { NextRequest } from "next/server";
import { requestMagicLink } from "@/lib/auth/request-magic-link";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { ipOf, withPublic } from "@/lib/http/route";
import { signInSchema } from "@/lib/validations/sign-in";

const FORM = "application/x-www-form-urlencoded";
// An address and a return path: anything longer is no sign-in form of ours.
const MAX_FORM_BYTES = 4096;

// POST /api/auth/magic-link — email a sign-in link; the same 200 for known and unknown addresses.
// The login form posts here natively too (JavaScript not loaded yet, or off): then the answer is a 303 to the
// page a person would see, and a refusal goes back to the form by its code (never reflected text).
export const POST = withPublic(async (request) => {
  if ((request.headers.get("content-type") ?? "").toLowerCase().startsWith(FORM)) return formPost(request);
  const { email, callbackUrl } = await readJson(request, signInSchema);
  await requestMagicLink({ email, callbackUrl, ip: ipOf(request) });
  return json({ message: "If the address is valid, a sign-in link is on its way." });
});

async function formPost(request: NextRequest): Promise<Response> {
  const text = await request.text();
  const form = new URLSearchParams(text.length > MAX_FORM_BYTES ? "" : text);
  const callbackUrl = form.get("callbackUrl") ?? undefined;
  try {
    if (text.length > MAX_FORM_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The form is too large.");
    const { email } = parseInput(signInSchema, { email: form.get("email") ?? "", callbackUrl });
    await requestMagicLink({ email, callbackUrl, ip: ipOf(request) });
    return seeOther(`/login/check-email?${new URLSearchParams({ email })}`);
  } catch (error) {
    if (!(error instanceof AppError)) console.error("[auth] a sign-in form post failed:", error);
    const code = error instanceof AppError ? error.code : "INTERNAL";
    return seeOther(
      `/login?${new URLSearchParams({ error: code, ...(callbackUrl ? { callbackUrl } : {}) })}`,
    );
  }
}

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location } });
