// Auth.js (next-auth v5): email magic links through nodemailer, database sessions in SQLite.
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Role } from "@prisma/client";
import NextAuth, { type DefaultSession } from "next-auth";
import type { Adapter } from "next-auth/adapters";
import Nodemailer from "next-auth/providers/nodemailer";
import { recordSignIn, recordSignInRefused, recordSignOut } from "@/lib/audit/record-auth";
import { isActive } from "@/lib/auth/account-status";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { createUser } from "@/lib/auth/create-user";
import { MAGIC_LINK_MAX_AGE_SECONDS, sendMagicLink } from "@/lib/auth/send-magic-link";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { forgetSession } from "@/lib/workspace-auth/access-cache";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; slug: string; role: Role; active: boolean } & DefaultSession["user"];
  }
}

function adapter(): Adapter {
  const base = PrismaAdapter(getDb());
  return { ...base, createUser: (user) => createUser({ email: user.email, name: user.name }) };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  // Auth.js builds links and redirects from AUTH_URL, read after this config: APP_URL (which follows PORT when
  // unset) is the one canonical origin.
  process.env.AUTH_URL ??= env.APP_URL;
  return {
    adapter: adapter(),
    secret: env.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "database" },
    // __Host-: host-only, Secure, Path=/ — a workspace host (a subdomain of a shared parent) can neither receive
    // nor plant ("toss") the app's session cookie.
    cookies: env.APP_URL.startsWith("https:")
      ? {
          sessionToken: {
            name: "__Host-authjs.session-token",
            options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
          },
        }
      : undefined,
    events: {
      signIn: (message) => recordSignIn(message),
      // Signed out: every workspace host cookie that came from this session stops working at once.
      signOut: async (message) => {
        if ("session" in message && message.session?.sessionToken)
          forgetSession(message.session.sessionToken);
        if ("session" in message) await recordSignOut(message.session || null);
      },
    },
    pages: { signIn: "/login", verifyRequest: "/login/check-email", error: "/login/error" },
    providers: [
      Nodemailer({
        // Unused: sendVerificationRequest below sends (or logs) the mail itself.
        server: env.EMAIL_SERVER ?? "smtp://localhost:25",
        from: env.EMAIL_FROM,
        maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
        sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ email: identifier, url }),
      }),
    ],
    callbacks: {
      // A disabled account gets no link (the same "check your email" as anyone, so nothing can be probed) and a link
      // mailed before it was disabled signs nobody in (/login/error?error=AccessDenied says why).
      signIn: async ({ user, email }) => {
        if (isActive(user as { disabledAt?: Date | null })) return true;
        if (email?.verificationRequest) return "/login/check-email";
        await recordSignInRefused(user, "ACCOUNT_DISABLED");
        return false;
      },
      redirect: ({ url }) => new URL(safeCallbackPath(url, env.APP_URL), env.APP_URL).toString(),
      session: ({ session, user }) => {
        const { id, email, slug, role } = user as typeof user & { slug: string; role: Role };
        // Read from the row on every request: a session that outlived its account's disabling counts for nothing.
        const active = isActive(user as { disabledAt?: Date | null });
        return { ...session, user: { ...session.user, id, email, slug, role, active } };
      },
    },
  };
});
