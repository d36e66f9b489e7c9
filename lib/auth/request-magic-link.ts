// Use case: a person asks for a sign-in link. Same answer whether or not the address has an account.
import "server-only";
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
  await enforceSignInLimit({ email, ip });
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
