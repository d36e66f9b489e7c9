// Who an audit event names: a user (through a session, later a token), the system itself (the background loop),
// or a visitor without a session (a refused sign-in). Copied into the row, so history outlives accounts.
import type { Actor } from "@/lib/auth/actor";

export type AuditActor = {
  id: string | null;
  email: string;
  via: "session" | "token" | "system" | "anonymous";
  ip: string;
};

export const SYSTEM: AuditActor = { id: null, email: "", via: "system", ip: "" };

export function anonymous(ip: string, email = ""): AuditActor {
  return { id: null, email, via: "anonymous", ip };
}

export function auditActorOf(actor: Actor | AuditActor): AuditActor {
  if ("userId" in actor) return { id: actor.userId, email: actor.email, via: actor.via, ip: actor.ip };
  return actor;
}
