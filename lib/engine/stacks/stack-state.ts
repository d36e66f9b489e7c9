// A stack's state, and what Stop and Start act on, from its containers' engine states: one set of rules for the
// view, the page's buttons and the use cases. Live is what Stop stops: running, restarting (a crash loop) and paused.
// Start starts what is neither running nor restarting (a paused one is unpaused).

export type StackState = "running" | "restarting" | "paused" | "partial" | "stopped" | "empty";

const LIVE = new Set(["running", "restarting", "paused"]);
const UNSTARTABLE = new Set(["running", "restarting"]);

/** Stop acts on it. */
export const isLive = (state: string): boolean => LIVE.has(state);
/** Start acts on it (a paused one is unpaused). */
export const isStartable = (state: string): boolean => !UNSTARTABLE.has(state);

/**
 * empty: no containers; running: all run; stopped: none is live; restarting: all live, one or more restarting;
 * paused: all live, one or more paused (none restarting); partial: some live, some not.
 */
export function stackStateOf(states: string[]): StackState {
  if (states.length === 0) return "empty";
  const live = states.filter(isLive).length;
  if (live === 0) return "stopped";
  if (live < states.length) return "partial";
  if (states.includes("restarting")) return "restarting";
  if (states.includes("paused")) return "paused";
  return "running";
}
