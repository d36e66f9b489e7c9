// The Prisma client singleton, on SQLite through the better-sqlite3 driver adapter.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { getEnv } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  // timeout is SQLite's busy timeout: writers wait for the lock instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 10_000 });
  return new PrismaClient({ adapter });
}

/** One client per process, kept across hot reloads in development. */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
