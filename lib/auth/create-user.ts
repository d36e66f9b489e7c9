// New users get a unique slug from their email and a role from ADMIN_EMAILS (or first-user-is-admin).
import "server-only";
import { Prisma, type Role, type User } from "@prisma/client";
import { pickFreeSlug, slugFromEmail } from "@/lib/auth/slug";
import { transaction } from "@/lib/db";
import { getEnv } from "@/lib/env";

async function roleFor(email: string, admins: string[], tx: Prisma.TransactionClient): Promise<Role> {
  if (admins.length > 0) return admins.includes(email) ? "ADMIN" : "USER";
  return (await tx.user.count()) === 0 ? "ADMIN" : "USER";
}

type CreateUserOptions = { email: string; name?: string | null; adminEmails?: string[] };

export async function createUser({
  email,
  name,
  adminEmails = getEnv().ADMIN_EMAILS,
}: CreateUserOptions): Promise<User> {
  const normalized = email.trim().toLowerCase();
  const base = slugFromEmail(normalized);
  // Two sign-ups may race for one slug; the unique index decides and the loser picks again.
  for (let attempt = 0; ; attempt++) {
    try {
      return await transaction(async (tx) => {
        const rows = await tx.user.findMany({
          where: { slug: { startsWith: base } },
          select: { slug: true },
        });
        const slug = pickFreeSlug(base, new Set(rows.map((row) => row.slug)));
        return tx.user.create({
          data: { email: normalized, name, slug, role: await roleFor(normalized, adminEmails, tx) },
        });
      });
    } catch (error) {
      const retryable = error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
      if (!retryable || attempt >= 4) throw error;
    }
  }
}
