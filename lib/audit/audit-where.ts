// The audit log's filters as one Prisma where clause, shared by the listing and the CSV export.
import type { Prisma } from "@prisma/client";

export type AuditFilter = {
  actor?: string;
  action?: string;
  target?: string;
  owner?: string;
  from?: Date;
  to?: Date;
};

/** "workspace." and "workspace.*" are prefixes; anything else is one action. */
function actionWhere(action: string): Prisma.StringFilter {
  if (action.endsWith(".*")) return { startsWith: action.slice(0, -1) };
  if (action.endsWith(".")) return { startsWith: action };
  return { equals: action };
}

export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  // SQLite's LIKE (Prisma's contains) ignores ASCII case; emails are stored lower-case anyway.
  if (filter.actor)
    and.push({ OR: [{ actorId: filter.actor }, { actorEmail: { contains: filter.actor.toLowerCase() } }] });
  if (filter.owner)
    and.push({ OR: [{ ownerId: filter.owner }, { ownerEmail: { contains: filter.owner.toLowerCase() } }] });
  if (filter.target)
    and.push({ OR: [{ targetId: filter.target }, { targetName: { contains: filter.target } }] });
  if (filter.action) and.push({ action: actionWhere(filter.action) });
  if (filter.from || filter.to) and.push({ at: { gte: filter.from, lt: filter.to } });
  return and.length > 0 ? { AND: and } : {};
}
