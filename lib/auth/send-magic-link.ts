// Delivers a magic link by SMTP, or to the server log when no EMAIL_SERVER is set (local default).
import "server-only";
import { createTransport } from "nodemailer";
import { confirmationUrl } from "@/lib/auth/magic-link-url";
import { getEnv } from "@/lib/env";

export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

export async function sendMagicLink({ email, url }: { email: string; url: string }): Promise<void> {
  const env = getEnv();
  const link = confirmationUrl(url);
  if (!env.EMAIL_SERVER) {
    console.info(`[auth] No EMAIL_SERVER set. Magic link for ${email}: ${link}`);
    return;
  }
  const transport = createTransport(env.EMAIL_SERVER);
  const result = await transport.sendMail({
    to: email,
    from: env.EMAIL_FROM,
    subject: "Your Spawner sign-in link",
    text: `Sign in to Spawner:\n\n${link}\n\nThe link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.\n`,
    html: `<p>Sign in to Spawner:</p><p><a href="${link}">Sign in</a></p><p>The link works once and expires in 15 minutes. If you did not ask for it, ignore this mail.</p>`,
  });
  if (result.rejected.length > 0) throw new Error("The sign-in mail was rejected by the mail server");
}
