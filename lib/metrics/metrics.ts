// The Prometheus metrics of this process (served at /metrics) and the small functions that record them. Labels
// are kept few on purpose: templates, route patterns, error codes, operations — never a user or a workspace.
import "server-only";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** What forward-auth answered: let through, sent to sign in, refused (no one / not theirs), or could not tell. */
export type ForwardAuthDecision = "allow" | "redirect" | "unauthenticated" | "forbidden" | "error";
const DECISIONS: readonly ForwardAuthDecision[] = [
  "allow",
  "redirect",
  "unauthenticated",
  "forbidden",
  "error",
];
export type RepairKind = "clear" | "adopt" | "remove_orphan";
const REPAIRS: readonly RepairKind[] = ["clear", "adopt", "remove_orphan"];
const CULL_REASONS = ["inactivity", "lifetime"] as const;

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "spawner_" });
  const registers = [registry];
  const metrics = {
    registry,
    launchDuration: new Histogram({
      name: "spawner_launch_duration_seconds",
      help: "Launches (create or start until the primary app answers), by template and outcome (ok or the error code).",
      labelNames: ["template", "outcome"] as const,
      // From a warm start (about a second) to a first clone of a large repository (minutes).
      buckets: [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
      registers,
    }),
    workspacesRunning: new Gauge({
      name: "spawner_workspaces_running",
      help: "Running workspaces by template, read from the engine at scrape time (absent while it is down).",
      labelNames: ["template"] as const,
      registers,
    }),
    engineUp: new Gauge({
      name: "spawner_engine_up",
      help: "1 when the container engine answered this scrape's list of running workloads, else 0.",
      registers,
    }),
    httpRequests: new Counter({
      name: "spawner_http_requests_total",
      help: "API requests by route pattern, method and status.",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    runtimeErrors: new Counter({
      name: "spawner_runtime_errors_total",
      help: "Failed runtime calls by operation (the runtime's method: list, start, stop, ...).",
      labelNames: ["operation"] as const,
      registers,
    }),
    reconcilerPasses: new Counter({
      name: "spawner_reconciler_passes_total",
      help: "Full diffs of the reconciler, by outcome (ok or error).",
      labelNames: ["outcome"] as const,
      registers,
    }),
    reconcilerRepairs: new Counter({
      name: "spawner_reconciler_repairs_total",
      help: "What the reconciler repaired: rows cleared, workloads adopted, orphans removed.",
      labelNames: ["kind"] as const,
      registers,
    }),
    forwardAuthDecisions: new Counter({
      name: "spawner_forward_auth_decisions_total",
      help: "Forward-auth answers by decision.",
      labelNames: ["decision"] as const,
      registers,
    }),
    cullerStops: new Counter({
      name: "spawner_culler_stops_total",
      help: "Workspaces the culler stopped, by reason (inactivity or lifetime).",
      labelNames: ["reason"] as const,
      registers,
    }),
  };
  // Known label values start at 0, so a rate is there from the first event on.
  for (const decision of DECISIONS) metrics.forwardAuthDecisions.inc({ decision }, 0);
  for (const kind of REPAIRS) metrics.reconcilerRepairs.inc({ kind }, 0);
  for (const reason of CULL_REASONS) metrics.cullerStops.inc({ reason }, 0);
  for (const outcome of ["ok", "error"]) metrics.reconcilerPasses.inc({ outcome }, 0);
  return metrics;
}

// One set per process on globalThis: route handlers, server actions, the fast path and the background loops may
// each load their own copy of this module, and a second registry would register every metric twice.
const store = globalThis as unknown as { spawnerMetrics?: ReturnType<typeof createMetrics> };

export function metrics(): ReturnType<typeof createMetrics> {
  store.spawnerMetrics ??= createMetrics();
  return store.spawnerMetrics;
}

export function recordLaunch(template: string, outcome: string, seconds: number): void {
  metrics().launchDuration.observe({ template, outcome }, seconds);
}

/** `route`: the route pattern (lib/metrics/route-pattern.ts), never the path itself. */
export function recordHttpRequest(route: string, method: string, status: number): void {
  metrics().httpRequests.inc({ route, method, status: String(status) });
}

export function recordRuntimeError(operation: string): void {
  metrics().runtimeErrors.inc({ operation });
}

export function recordReconcilerPass(outcome: "ok" | "error"): void {
  metrics().reconcilerPasses.inc({ outcome });
}

export function recordRepairs(kind: RepairKind, count = 1): void {
  if (count > 0) metrics().reconcilerRepairs.inc({ kind }, count);
}

export function recordForwardAuth(decision: ForwardAuthDecision): void {
  metrics().forwardAuthDecisions.inc({ decision });
}

export function recordCullerStop(reason: (typeof CULL_REASONS)[number]): void {
  metrics().cullerStops.inc({ reason });
}
