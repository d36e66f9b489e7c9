// Is the app able to serve: database and container engine reachable.
import "server-only";
import { getDb } from "@/lib/db";
import { engineInfo } from "@/lib/runtime/engine-info";

export type Health = { status: "ok" | "degraded"; checks: Record<string, "ok" | "down"> };

const probe = (work: Promise<unknown>) => work.then(() => "ok" as const).catch(() => "down" as const);

export async function checkHealth(): Promise<Health> {
  const [database, docker] = await Promise.all([
    probe(getDb().$queryRawUnsafe("SELECT 1")),
    probe(engineInfo()),
  ]);
  const checks = { database, docker };
  return { status: Object.values(checks).every((value) => value === "ok") ? "ok" : "degraded", checks };
}
