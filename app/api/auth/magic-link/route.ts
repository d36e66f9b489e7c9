import { clientIp } from "@/lib/auth/client-ip";
import { requestMagicLink } from "@/lib/auth/request-magic-link";
import { getEnv } from "@/lib/env";
import { readJson } from "@/lib/http/read-json";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/route";
import { signInSchema } from "@/lib/validations/sign-in";

// POST /api/auth/magic-link — email a sign-in link; the same 200 for known and unknown addresses.
export const POST = withPublic(async (request) => {
  const { email, callbackUrl } = await readJson(request, signInSchema);
  const ip = clientIp(request.headers.get("x-forwarded-for"), getEnv().TRUSTED_PROXY_HOPS);
  await requestMagicLink({ email, callbackUrl, ip });
  return json({ message: "If the address is valid, a sign-in link is on its way." });
});
