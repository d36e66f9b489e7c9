// Use case: the admin's list of accounts, searched by address, name or slug, newest first, a page at a time.
import "server-only";
import type { Prisma } from "@prisma/client";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { UserView } from "@/lib/admin/user-view";
import { userViewsOf } from "@/lib/admin/user-views";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { type ListUsersQuery, USERS_PAGE_SIZE } from "@/lib/validations/admin-users";

export type UserList = {
  users: UserView[];
  total: number;
  page: number;
  page_size: number;
  engine: "ok" | "unavailable";
};

export async function listUsers({
  actor,
  query,
}: {
  actor: Actor;
  query: ListUsersQuery;
}): Promise<UserList> {
  assertAdmin(actor);
  const db = getDb();
  const q = query.q;
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ email: { contains: q } }, { name: { contains: q } }, { slug: { contains: q } }] }
    : {};
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
    }),
  ]);
  const { views, engine } = await userViewsOf(users);
  return { users: views, total, page: query.page, page_size: USERS_PAGE_SIZE, engine };
}
