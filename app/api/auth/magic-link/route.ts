import { requestMagicLink } from "@/lib/auth/request-magic-link";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { ipOf, withPublic } from "@/lib/http/route";
import { signInSchema } from "@/lib/validations/sign-in";

// POST /api/auth/magic-link — email a sign-in link; the same 200 for known and unknown addresses.
export const POST = withPublic(async (request) => {
  const { email, callbackUrl } = await readJson(request, signInSchema);
  await requestMagicLink({ email, callbackUrl, ip: ipOf(request) });
  return json({ message: "If the address is valid, a sign-in link is on its way." });
});
