// Who is acting: a user through a session today (an API token later), with their role and the address they came
// from. Built once per request and passed into every use case; lib/auth/authorize.ts decides what it may do, and
// lib/audit records what they did.
import type { Role } from "@prisma/client";
import type { AuditEntry } from "@/lib/audit/record-audit";

export type Actor = {
  userId: string;
  email: string;
  slug: string;
  role: Role;
  via: "session";
  /** The client's address (lib/auth/client-ip.ts), "" when there is no request (tests, scripts). */
  ip: string;
  /**
   * Set by a bulk action: the use cases it runs add their audit entries here instead of writing one row each, and
   * the bulk action records them as one event with its items (lib/audit/record-audit.ts).
   */
  auditBatch?: AuditEntry[];
};

export function actorFromSessionUser(
  user: { id: string; email: string; slug: string; role: Role },
  ip = "",
): Actor {
  return { userId: user.id, email: user.email, slug: user.slug, role: user.role, via: "session", ip };
}
