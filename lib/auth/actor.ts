// Who is acting: a user through a session today (an API token later), with their role. Built once per request
// and passed into every use case; lib/auth/authorize.ts decides what it may do.
import type { Role } from "@prisma/client";

export type Actor = {
  userId: string;
  email: string;
  slug: string;
  role: Role;
  via: "session";
};

export function actorFromSessionUser(user: { id: string; email: string; slug: string; role: Role }): Actor {
  return { userId: user.id, email: user.email, slug: user.slug, role: user.role, via: "session" };
}
