// Workspaces whose route key was too long to be their own host key (rows from before host keys) get one at start.
import "server-only";
import { Prisma } from "@prisma/client";
import { getDb } from "@/lib/db";
import { alternateHostKey, hostKeyFor } from "@/lib/ingress/workspace-host";

export async function ensureHostKeys(): Promise<number> {
  const db = getDb();
  const missing = await db.workspace.findMany({
    where: { hostKey: null },
    select: { id: true, routeKey: true },
  });
  for (const row of missing) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const hostKey = attempt === 0 ? hostKeyFor(row.routeKey) : alternateHostKey(row.routeKey);
      try {
        await db.workspace.updateMany({ where: { id: row.id, hostKey: null }, data: { hostKey } });
        break;
      } catch (error) {
        // Taken by another workspace: try another.
        if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
      }
    }
  }
  return missing.length;
}
