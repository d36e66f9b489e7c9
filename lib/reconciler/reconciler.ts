// Keeps the database true to the runtime: a full diff at start, on every workload event, and on a timer. Each pass and
// each repair is counted (spawner_reconciler_passes_total, spawner_reconciler_repairs_total).
import "server-only";
import { EventEmitter } from "node:events";
import { SYSTEM } from "@/lib/audit/audit-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { recordReconcilerPass, recordRepairs } from "@/lib/metrics/metrics";
import { backoffMs, planReconcile, type ReconcilePlan } from "@/lib/reconciler/plan";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { invalidateLists, setEventsLive } from "@/lib/runtime/list-cache";
import type { Runtime, WorkloadEvent } from "@/lib/runtime/runtime";
import { inFlightKeys } from "@/lib/workspaces/in-flight";
import { managedSelector, readWorkloadKey } from "@/lib/workspaces/labels";

const EVENT_DIFF_DELAY_MS = 500;

export type ReconcilerOptions = {
  intervalMs: number;
  graceMs: number;
  log?: (message: string) => void;
  /** The runtime to reconcile (default: this process's). */
  runtime?: Runtime;
};

export class Reconciler {
  /** Emits "event" (WorkloadEvent) for live views and "reconciled" (ReconcilePlan) after each diff. */
  readonly events = new EventEmitter();
  private readonly firstSeen = new Map<string, number>();
  private running: Promise<ReconcilePlan> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopWatching: (() => void) | undefined;
  private failures = 0;
  private stopped = true;
  private soon: ReturnType<typeof setTimeout> | undefined;
  /** The last failure logged, so a broken engine or database is reported once, not every minute. */
  private lastFailure = "";

  constructor(private readonly options: ReconcilerOptions) {}

  private get runtime(): Runtime {
    return this.options.runtime ?? getRuntime();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(
      () => void this.runOnce().catch((error: unknown) => this.failed(error)),
      this.options.intervalMs,
    );
    this.timer.unref();
    void this.runOnce().catch((error: unknown) => this.failed(error));
    void this.watch();
  }

  stop(): void {
    this.stopped = true;
    this.setLive(false);
    clearInterval(this.timer);
    clearTimeout(this.soon);
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Single-flight: a diff requested while one runs is done once more right after it. */
  runOnce(): Promise<ReconcilePlan> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.countedDiff().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.runOnce().catch((error: unknown) => this.failed(error));
      }
    });
    return this.running;
  }

  private async countedDiff(): Promise<ReconcilePlan> {
    let outcome: "ok" | "error" = "error";
    try {
      const plan = await this.diff();
      outcome = "ok";
      return plan;
    } finally {
      recordReconcilerPass(outcome);
    }
  }

  private async diff(): Promise<ReconcilePlan> {
    const prefix = getEnv().LABEL_PREFIX;
    const [rows, workloads] = await Promise.all([
      getDb().workspace.findMany({ select: { id: true, ownerId: true, name: true, runtimeId: true } }),
      this.runtime.list(managedSelector(prefix)),
    ]);
    const plan = planReconcile({
      rows,
      workloads: workloads.map((w) => ({ id: w.id, key: readWorkloadKey(prefix, w.labels) })),
      inFlight: inFlightKeys(),
      firstSeen: this.firstSeen,
      now: Date.now(),
      graceMs: this.options.graceMs,
    });
    await this.apply(plan);
    if (this.lastFailure) this.log("the full diff works again");
    this.lastFailure = "";
    this.events.emit("reconciled", plan);
    return plan;
  }

  private async apply(plan: ReconcilePlan): Promise<void> {
    const db = getDb();
    if (plan.clear.length > 0)
      await db.workspace.updateMany({ where: { id: { in: plan.clear } }, data: { runtimeId: null } });
    recordRepairs("clear", plan.clear.length);
    for (const { workspaceId, runtimeId } of plan.adopt) {
      await db.workspace.updateMany({ where: { id: workspaceId }, data: { runtimeId } });
      recordRepairs("adopt");
    }
    const orphanIds = new Set(plan.orphans.map((orphan) => orphan.id));
    for (const id of this.firstSeen.keys()) if (!orphanIds.has(id)) this.firstSeen.delete(id);
    for (const orphan of plan.orphans) {
      if (!this.firstSeen.has(orphan.id))
        this.log(`orphan workload ${orphan.id.slice(0, 12)}: no workspace claims it`);
      this.firstSeen.set(orphan.id, orphan.firstSeen);
    }
    for (const id of plan.remove) {
      this.log(`removing orphan workload ${id.slice(0, 12)} after the grace period`);
      await this.runtime.remove(id);
      recordRepairs("remove_orphan");
      await recordAudit(SYSTEM, {
        action: "workload.remove",
        target: { type: "workload", id },
        details: { reason: "orphan", grace_ms: this.options.graceMs },
      });
      this.firstSeen.delete(id);
    }
  }

  private async watch(): Promise<void> {
    while (!this.stopped) {
      try {
        const closed = new Promise<void>((resolve) => {
          this.runtime
            .watch(managedSelector(getEnv().LABEL_PREFIX), {
              onEvent: (event) => this.onEvent(event),
              onClose: resolve,
            })
            .then((stop) => {
              // stop() came while the stream was opening: nobody else would ever close it.
              if (this.stopped) return stop();
              this.stopWatching = stop;
              this.failures = 0;
              this.setLive(true);
            })
            .catch(() => resolve());
        });
        await closed;
        this.setLive(false);
      } catch {
        // Fall through to the backoff below.
      }
      if (this.stopped) return;
      this.failures += 1;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(this.failures)).unref());
      // The engine may have restarted: everything could have changed while we were not listening.
      void this.runOnce().catch((error: unknown) => this.failed(error));
    }
  }

  /** The process's kept workload lists are good only while this stream delivers every change. */
  private setLive(live: boolean): void {
    if (!this.options.runtime) setEventsLive(live);
  }

  private onEvent(event: WorkloadEvent): void {
    // Whatever changed (a start, a stop, a restart by the engine): the kept lists are out of date.
    if (!this.options.runtime) invalidateLists();
    this.events.emit("event", event);
    if (event.action !== "destroy" && event.action !== "create") return;
    // A burst of creates and removals (a launch, a bulk stop) is one diff a moment later, not one per event
    // competing with the launch that caused it.
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = undefined;
      if (!this.stopped) void this.runOnce().catch((error: unknown) => this.failed(error));
    }, EVENT_DIFF_DELAY_MS);
    this.soon.unref();
  }

  private failed(error: unknown): void {
    const message = (error as Error)?.message ?? String(error);
    if (message === this.lastFailure) return;
    this.lastFailure = message;
    this.log(`the full diff failed (will try again): ${message}`);
  }

  private log(message: string): void {
    (this.options.log ?? ((text: string) => console.info(`[reconciler] ${text}`)))(message);
  }
}

// One reconciler per server process, kept on globalThis so hot reloads and module copies share it.
const store = globalThis as unknown as { spawnerReconciler?: Reconciler };

export function startReconciler(): Reconciler {
  const env = getEnv();
  store.spawnerReconciler ??= new Reconciler({
    intervalMs: env.RECONCILE_INTERVAL_MS,
    graceMs: env.ORPHAN_GRACE_MS,
  });
  store.spawnerReconciler.start();
  return store.spawnerReconciler;
}

export function getReconciler(): Reconciler | undefined {
  return store.spawnerReconciler;
}
