// Sign-in and sign-out as audit events, called from Auth.js' events (lib/auth/auth.ts) once they have happened.
// The events run inside the Auth.js route's request, so the client's address comes from its headers.
import "server-only";
import { anonymous } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestIp } from "@/lib/auth/request-ip";
import { getDb } from "@/lib/db";

type Who = { id?: string | null; email?: string | null };

async function ipOrEmpty(): Promise<string> {
  // Outside a request (a script, a test calling Auth.js directly) there are no headers: no address.
  return requestIp().catch(() => "");
}

async function record(action: string, user: Who, details: Record<string, unknown>): Promise<void> {
  if (!user.id) return;
  const email = user.email ?? "";
  await recordAudit(
    { id: user.id, email, via: "session", ip: await ipOrEmpty() },
    {
      action,
      target: { type: "user", id: user.id, name: email },
      owner: { id: user.id, email },
      details,
    },
  );
}

/** A magic link signed someone in (a new account on their first sign-in). */
export function recordSignIn(message: { user: Who; isNewUser?: boolean }): Promise<void> {
  return record("auth.sign-in", message.user, { new_user: message.isNewUser === true });
}

/** A magic link that signs nobody in (a disabled account): recorded as refused, the visitor not signed in. */
export async function recordSignInRefused(user: Who, outcome: string): Promise<void> {
  const email = user.email ?? "";
  await recordAudit(anonymous(await ipOrEmpty(), email), {
    action: "auth.sign-in",
    target: { type: "user", id: user.id ?? "", name: email },
    owner: user.id && email ? { id: user.id, email } : null,
    outcome,
  });
}

/** A session was ended by signing out; Auth.js has deleted it already, so the user is looked up by id. */
export async function recordSignOut(session: { userId: string } | null | undefined): Promise<void> {
  if (!session?.userId) return;
  const user = await getDb()
    .user.findUnique({ where: { id: session.userId }, select: { id: true, email: true } })
    .catch(() => null);
  await record("auth.sign-out", user ?? { id: session.userId }, {});
}
