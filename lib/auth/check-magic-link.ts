// Read-only look at a magic link, so the confirmation page can say "expired or used" before anyone clicks.
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

export type MagicLinkState = "valid" | "invalid";

export async function checkMagicLink({
  email,
  token,
}: {
  email: string;
  token: string;
}): Promise<MagicLinkState> {
  if (!email || !token || token.length > 256 || email.length > 254) return "invalid";
  // Auth.js stores SHA-256(token + secret) in hex; we compute the same to find the row without consuming it.
  const hashed = createHash("sha256").update(`${token}${getEnv().AUTH_SECRET}`).digest("hex");
  const row = await getDb().verificationToken.findUnique({
    where: { identifier_token: { identifier: email, token: hashed } },
  });
  return row && row.expires.getTime() > Date.now() ? "valid" : "invalid";
}
