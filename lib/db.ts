// The Prisma client singleton, on SQLite through the better-sqlite3 driver adapter.
import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { type Prisma, PrismaClient } from "@prisma/client";
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

// SQLite lets a transaction that read first and writes later fail at once with "database is locked" when another
// connection (a second server process, a test) wrote in between — the busy timeout does not cover that upgrade.
// Such a transaction rolled back whole, so running it again is safe.
const BUSY = /database is locked|SQLITE_BUSY/i;
const BUSY_ATTEMPTS = 6;

export function isBusy(error: unknown): boolean {
  return BUSY.test(error instanceof Error ? error.message : String(error));
}

/** An interactive transaction, run again (a few times, with a short random pause) when SQLite says it is busy. */
export async function transaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(work);
    } catch (error) {
      if (!isBusy(error) || attempt >= BUSY_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 40));
    }
  }
}
