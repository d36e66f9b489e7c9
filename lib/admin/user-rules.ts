// What the admin's user verbs share: finding the account, naming it in the audit log, and the rules that keep the
// platform administrable (an admin always remains; nobody locks themselves out).
import "server-only";
import type { Prisma, User } from "@prisma/client";
import type { AuditDraft } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export function userNotFound(): AppError {
  return new AppError("USER_NOT_FOUND", "There is no such user.");
}

/** The account by id, or 404 (an id that can't exist is simply not found). */
export async function findUser(id: string): Promise<User> {
  if (typeof id !== "string" || !/^[a-z0-9-]{1,64}$/i.test(id)) throw userNotFound();
  const user = await getDb().user.findUnique({ where: { id } });
  if (!user) throw userNotFound();
  return user;
}

/** The target of a user verb is also its owner: their own history names what was done to them. */
export function nameUser(draft: AuditDraft, user: Pick<User, "id" | "email">): void {
  draft.target = { type: "user", id: user.id, name: user.email };
  draft.owner = { id: user.id, email: user.email };
}

/**
 * Called inside the transaction, AFTER its write: SQLite then holds the write lock, so two admins demoting or
 * disabling each other at once can't both see the other still there. Throws (rolling the write back) when no
 * active admin would remain.
 */
export async function assertAdminsRemain(tx: Prisma.TransactionClient): Promise<void> {
  const admins = await tx.user.count({ where: { role: "ADMIN", disabledAt: null } });
  if (admins === 0)
    throw new AppError(
      "LAST_ADMIN",
      "This is the last active administrator: make someone else an administrator first.",
    );
}

export function assertNotSelf(actor: Actor, user: Pick<User, "id">, verb: "disable" | "delete"): void {
  if (actor.userId === user.id)
    throw new AppError("CONFLICT", `You can't ${verb} your own account: another administrator has to do it.`);
}
