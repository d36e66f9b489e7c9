// Users with real database sessions, so HTTP tests can act as them with a cookie.
import { randomUUID } from "node:crypto";
import type { PrismaClient, User } from "@prisma/client";
import { type Actor, actorFromSessionUser } from "@/lib/auth/actor";
import { createUser } from "@/lib/auth/create-user";

export type TestUser = User & { cookie: string };

export async function userWithSession(
  db: PrismaClient,
  email: string,
  role: "USER" | "ADMIN" = "USER",
): Promise<TestUser> {
  const created = await createUser({ email, adminEmails: [] });
  const user = await db.user.update({ where: { id: created.id }, data: { role } });
  const sessionToken = randomUUID();
  await db.session.create({
    data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) },
  });
  return { ...user, cookie: `authjs.session-token=${sessionToken}` };
}

let counter = 0;
/** A unique address per call, so files and reruns never collide. */
export function uniqueEmail(name: string): string {
  counter += 1;
  return `${name}-${Date.now().toString(36)}${counter}@example.com`;
}

/** The actor a signed-in test user acts as (as withUser and userAction build it). */
export function actorOf(user: Pick<TestUser, "id" | "email" | "slug" | "role">): Actor {
  return actorFromSessionUser(user);
}
