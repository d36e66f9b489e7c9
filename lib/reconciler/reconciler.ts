// Keeps the database true to Docker: a full diff at start, on every container event, and on a timer.
import "server-only";
import { EventEmitter } from "node:events";
import { inFlightKeys } from "@/lib/containers/in-flight";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { backoffMs, planReconcile, type ReconcilePlan } from "@/lib/reconciler/plan";
import { listContainers, removeContainer } from "@/lib/runtime/containers";
import { type ContainerEvent, watchContainerEvents } from "@/lib/runtime/events";
import { managedFilter, readOwnership } from "@/lib/runtime/labels";

export type ReconcilerOptions = { intervalMs: number; graceMs: number; log?: (message: string) => void };

export class Reconciler {
  /** Emits "event" (ContainerEvent) for live views and "reconciled" (ReconcilePlan) after each diff. */
  readonly events = new EventEmitter();
  private readonly firstSeen = new Map<string, number>();
  private running: Promise<ReconcilePlan> | null = null;
  private again = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private stopWatching: (() => void) | undefined;
  private failures = 0;
  private stopped = true;

  constructor(private readonly options: ReconcilerOptions) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.runOnce().catch(() => {}), this.options.intervalMs);
    this.timer.unref();
    void this.runOnce().catch(() => {});
    void this.watch();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** Single-flight: a diff requested while one runs is done once more right after it. */
  runOnce(): Promise<ReconcilePlan> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.diff().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.runOnce().catch(() => {});
      }
    });
    return this.running;
  }

  private async diff(): Promise<ReconcilePlan> {
    const prefix = getEnv().LABEL_PREFIX;
    const [rows, containers] = await Promise.all([
      getDb().userContainer.findMany({ select: { userId: true, containerType: true, containerId: true } }),
      listContainers(managedFilter(prefix)),
    ]);
    const managed = containers.map((c) => ({ id: c.Id, owner: readOwnership(prefix, c.Labels) }));
    const plan = planReconcile({
      rows,
      containers: managed,
      inFlight: inFlightKeys(),
      firstSeen: this.firstSeen,
      now: Date.now(),
      graceMs: this.options.graceMs,
    });
    await this.apply(plan);
    this.events.emit("reconciled", plan);
    return plan;
  }

  private async apply(plan: ReconcilePlan): Promise<void> {
    const db = getDb();
    for (const { userId, containerType } of plan.clear) {
      await db.userContainer.updateMany({ where: { userId, containerType }, data: { containerId: null } });
    }
    for (const { userId, containerType, containerId } of plan.adopt) {
      await db.userContainer.updateMany({ where: { userId, containerType }, data: { containerId } });
    }
    const orphanIds = new Set(plan.orphans.map((orphan) => orphan.id));
    for (const id of this.firstSeen.keys()) if (!orphanIds.has(id)) this.firstSeen.delete(id);
    for (const orphan of plan.orphans) {
      if (!this.firstSeen.has(orphan.id))
        this.log(`orphan container ${orphan.id.slice(0, 12)}: no row claims it`);
      this.firstSeen.set(orphan.id, orphan.firstSeen);
    }
    for (const id of plan.remove) {
      this.log(`removing orphan container ${id.slice(0, 12)} after the grace period`);
      await removeContainer(id);
      this.firstSeen.delete(id);
    }
  }

  private async watch(): Promise<void> {
    while (!this.stopped) {
      try {
        const closed = new Promise<void>((resolve) => {
          watchContainerEvents({ onEvent: (event) => this.onEvent(event), onClose: resolve })
            .then((stop) => {
              // stop() came while the stream was opening: nobody else would ever close it.
              if (this.stopped) return stop();
              this.stopWatching = stop;
              this.failures = 0;
            })
            .catch(() => resolve());
        });
        await closed;
      } catch {
        // Fall through to the backoff below.
      }
      if (this.stopped) return;
      this.failures += 1;
      await new Promise((resolve) => setTimeout(resolve, backoffMs(this.failures)).unref());
      // The engine may have restarted: everything could have changed while we were not listening.
      void this.runOnce().catch(() => {});
    }
  }

  private onEvent(event: ContainerEvent): void {
    this.events.emit("event", event);
    if (event.action === "destroy" || event.action === "create") void this.runOnce().catch(() => {});
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
