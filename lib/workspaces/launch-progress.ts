// Launch progress per workspace (owner and name), in this process: steps as they happen, watched by SSE subscribers.
import type { ErrorBody } from "@/lib/errors";

export const LAUNCH_STEPS = [
  { id: "image", label: "Checking the image" },
  { id: "create", label: "Creating the container" },
  { id: "clone", label: "Cloning the repository" },
  { id: "start", label: "Starting" },
  // A Swarm's steps after it was asked to start: the node its scheduler chose, the image made ready there.
  { id: "schedule", label: "Scheduling on a node" },
  { id: "pull", label: "Getting the image on the node" },
  { id: "ready", label: "Waiting for the service to answer" },
] as const;

/** The steps a launch shows: cloning only when a repository still has to be cloned. */
const DEFAULT_STEPS: StepId[] = ["image", "create", "start", "ready"];

export type StepId = (typeof LAUNCH_STEPS)[number]["id"];
export type StepState = "pending" | "active" | "done" | "error";
export type Progress = {
  status: "idle" | "running" | "ready" | "error";
  steps: { id: StepId; label: string; state: StepState }[];
  error?: ErrorBody["error"];
};

type Entry = { progress: Progress; listeners: Set<(progress: Progress) => void>; expiresAt: number };

// On globalThis: route handlers and server actions may load separate copies of this module.
const store = globalThis as unknown as { spawnerProgress?: Map<string, Entry> };
store.spawnerProgress ??= new Map();
const entries = store.spawnerProgress;

// A finished launch stays visible briefly, so a page reloaded right after still sees how it ended.
const KEEP_FINISHED_MS = 60_000;

const idle = (ids: StepId[] = DEFAULT_STEPS): Progress => ({
  status: "idle",
  steps: LAUNCH_STEPS.filter((step) => ids.includes(step.id)).map((step) => ({ ...step, state: "pending" })),
});

function entryFor(key: string): Entry {
  let entry = entries.get(key);
  if (!entry || (entry.progress.status !== "running" && entry.expiresAt < Date.now())) {
    entry = {
      progress: idle(),
      listeners: entry?.listeners ?? new Set(),
      expiresAt: Number.POSITIVE_INFINITY,
    };
    entries.set(key, entry);
  }
  return entry;
}

function publish(key: string, update: (progress: Progress) => Progress): void {
  const entry = entryFor(key);
  entry.progress = update(entry.progress);
  entry.expiresAt =
    entry.progress.status === "running" ? Number.POSITIVE_INFINITY : Date.now() + KEEP_FINISHED_MS;
  for (const listener of entry.listeners) listener(entry.progress);
}

export function currentProgress(key: string): Progress {
  return entryFor(key).progress;
}

export function subscribeProgress(key: string, listener: (progress: Progress) => void): () => void {
  const entry = entryFor(key);
  entry.listeners.add(listener);
  return () => entry.listeners.delete(listener);
}

/** A reporter for one launch: each step marks the earlier ones done. */
export function progressReporter(key: string, steps: StepId[] = DEFAULT_STEPS) {
  const mark =
    (id: StepId, state: StepState, label?: string) =>
    (progress: Progress): Progress => {
      const index = progress.steps.findIndex((step) => step.id === id);
      return {
        ...progress,
        steps: progress.steps.map((step, i) =>
          i < index
            ? { ...step, state: "done" }
            : i === index
              ? { ...step, state, ...(label ? { label } : {}) }
              : step,
        ),
      };
    };
  publish(key, () => ({ ...idle(steps), status: "running" }));
  return {
    /** `label` names what this launch found (the node a Swarm chose) in place of the step's own words. */
    step: (id: StepId, label?: string) => publish(key, mark(id, "active", label)),
    /** Adds a step the launch found it needs (a clone still to do) in its place among the others. */
    include: (id: StepId) => {
      if (steps.includes(id)) return;
      steps = LAUNCH_STEPS.map((step) => step.id).filter((step) => step === id || steps.includes(step));
      publish(key, (p) => ({
        ...p,
        steps: idle(steps).steps.map((step) => p.steps.find((old) => old.id === step.id) ?? step),
      }));
    },
    ready: () => publish(key, (p) => ({ ...mark("ready", "done")(p), status: "ready" })),
    fail: (error: ErrorBody["error"]) =>
      publish(key, (p) => {
        const active = p.steps.find((step) => step.state === "active")?.id ?? "image";
        return { ...mark(active, "error")(p), status: "error", error };
      }),
  };
}
