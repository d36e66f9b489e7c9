// Use case: the metrics as Prometheus scrapes them. Running workspaces are counted now, from one engine list of the
// running workloads and one query of their rows (lib/workspaces/running-rows.ts); an engine that does not answer
// (within DOCKER_TIMEOUT_MS) reads as spawner_engine_up 0, and every other metric is served all the same.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics/metrics";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { managedSelector } from "@/lib/workspaces/labels";
import { runningRows } from "@/lib/workspaces/running-rows";

export async function readMetrics(): Promise<{ contentType: string; body: string }> {
  const { registry, engineUp, workspacesRunning } = metrics();
  const counts = await runningByTemplate();
  // Set together, after every await: a scrape never sees half of another's numbers.
  engineUp.set(counts ? 1 : 0);
  workspacesRunning.reset();
  for (const [template, count] of counts ?? []) workspacesRunning.set({ template }, count);
  return { contentType: registry.contentType, body: await registry.metrics() };
}

/** Every template's running workspaces (0 included, so a series does not vanish); null when the engine is down. */
async function runningByTemplate(): Promise<Map<string, number> | null> {
  // A failed list is counted (spawner_runtime_errors_total) and logged by the runtime; here it is the engine's state.
  const workloads = await getRuntime()
    .list(managedSelector(getEnv().LABEL_PREFIX), { running: true })
    .catch(() => null);
  if (!workloads) return null;
  const [templates, running] = await Promise.all([
    getDb().template.findMany({ select: { name: true } }),
    runningRows(
      { id: true, ownerId: true, name: true, runtimeId: true, template: { select: { name: true } } },
      { workloads },
    ),
  ]);
  const counts = new Map(templates.map((template) => [template.name, 0]));
  for (const { row } of running) counts.set(row.template.name, (counts.get(row.template.name) ?? 0) + 1);
  return counts;
}
