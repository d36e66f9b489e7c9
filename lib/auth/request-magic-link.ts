// Use case: a person asks for a sign-in link. Same answer whether or not the address has an account.
import "server-only";
import { anonymous } from "@/lib/audit/audit-actor";
import { firstInWindow } from "@/lib/audit/once-per-window";
import { recordAudit } from "@/lib/audit/record-audit";
import { signIn } from "@/lib/auth/auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { enforceSignInLimit } from "@/lib/auth/sign-in-limit";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export async function requestMagicLink({
  email,
  callbackUrl,
  ip,
}: {
  email: string;
  callbackUrl?: string;
  ip: string;
}) {
  await enforceSignInLimit({ email, ip }).catch(async (error: unknown) => {
    // A refusal is history (someone hammering an address); granted requests are not, the sign-in itself is. Once per
    // address and client in a window: a flood is one row, not one per request.
    if (error instanceof AppError && error.code === "RATE_LIMITED" && firstInWindow(`${ip} ${email}`))
      await recordAudit(anonymous(ip, email), {
        action: "auth.magic-link",
        target: { type: "user", name: email },
        outcome: error.code,
      });
    throw error;
  });
  const redirectTo = safeCallbackPath(callbackUrl, getEnv().APP_URL);
  try {
    await signIn("nodemailer", { email, redirectTo, redirect: false });
  } catch (error) {
    console.error("[auth] sending a magic link failed:", error instanceof Error ? error.message : error);
    throw new AppError(
      "EMAIL_DELIVERY_FAILED",
      "We could not send the sign-in email right now. Please try again.",
    );
  }
}
