// Is the app able to serve: database and container engine reachable.
import "server-only";
import { getDb } from "@/lib/db";
import { getRuntime } from "@/lib/runtime/get-runtime";

export type Health = { status: "ok" | "degraded"; checks: Record<string, "ok" | "down"> };

const probe = (work: Promise<unknown>) => work.then(() => "ok" as const).catch(() => "down" as const);

export async function checkHealth(): Promise<Health> {
  const [database, docker] = await Promise.all([
    probe(getDb().$queryRawUnsafe("SELECT 1")),
    probe(getRuntime().ping()),
  ]);
  const checks = { database, docker };
  return { status: Object.values(checks).every((value) => value === "ok") ? "ok" : "degraded", checks };
}
