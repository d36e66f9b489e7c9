// Records each magic-link request and refuses those past the limits, atomically enough for SQLite.
import "server-only";
import { decideRateLimit, SIGN_IN_RULES } from "@/lib/auth/rate-limit-rules";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

const LONGEST_WINDOW_MS = Math.max(...SIGN_IN_RULES.map((rule) => rule.windowMs));

export async function enforceSignInLimit({
  email,
  ip,
  now = new Date(),
}: {
  email: string;
  ip: string;
  now?: Date;
}) {
  const db = getDb();
  const since = new Date(now.getTime() - LONGEST_WINDOW_MS);
  // Insert first, then count what came before us: two racing requests can't both slip under the limit.
  const mine = await db.signInAttempt.create({ data: { email, ip, createdAt: now } });
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.findMany({
      where: { email, createdAt: { gt: since }, id: { lte: mine.id } },
      orderBy: { id: "asc" },
    }),
    db.signInAttempt.findMany({
      where: { ip, createdAt: { gt: since }, id: { lte: mine.id } },
      orderBy: { id: "asc" },
    }),
  ]);
  const times = (rows: { createdAt: Date }[]) => rows.map((row) => row.createdAt.getTime());
  const decision = decideRateLimit(SIGN_IN_RULES, { email: times(byEmail), ip: times(byIp) }, now.getTime());
  if (decision.allowed) {
    await db.signInAttempt.deleteMany({ where: { createdAt: { lt: since } } });
    return;
  }
  // Refused requests don't count, so the window frees up on schedule even under repeated tries.
  await db.signInAttempt.delete({ where: { id: mine.id } });
  throw new AppError("RATE_LIMITED", decision.message, { retryAfterSeconds: decision.retryAfterSeconds });
}
