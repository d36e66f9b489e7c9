// The Prisma client singleton, on SQLite through the better-sqlite3 driver adapter.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@prisma/client";
import { getEnv } from "@/lib/env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  // timeout is SQLite's busy timeout: writers wait for the lock instead of failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: getEnv().DATABASE_URL, timeout: 10_000 });
  const client = new PrismaClient({ adapter });
  // WAL (set on the file by the migrator) with synchronous=NORMAL: never corrupt, and a commit waits for no fsync
  // (about 2 ms each here); only a power loss, not a crash of the app, can undo the last commits.
  void client
    .$executeRawUnsafe("PRAGMA synchronous = NORMAL")
    .catch((error: unknown) =>
      console.error("[db] could not set synchronous = NORMAL:", (error as Error).message),
    );
  return client;
}

/** One client per process, kept across hot reloads in development. */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
