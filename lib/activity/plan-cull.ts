// Which running workspaces the culler stops (pure): past their maximum lifetime, active or not; and, without
// activity for longer than their idle timeout, those that turn out to have no connection open (checked after).
export type CullCandidate = {
  id: string;
  /** ms: the latest of its launch and the last request let through (written or still in memory). */
  lastActivity: number;
  /** 0: never idle-stopped. */
  idleSeconds: number;
  /** 0: no lifetime limit. */
  maxLifetimeSeconds: number;
  /** ms: when its current run began. */
  startedAt: number;
  /** Being launched right now: never touched. */
  launching: boolean;
};

export type CullPlan = {
  /** Stopped now: they ran past their template's maximum lifetime. */
  lifetime: string[];
  /** Quiet past their idle timeout: stopped unless a connection to them is still open. */
  idle: string[];
};

export function planCull(candidates: readonly CullCandidate[], now: number): CullPlan {
  const plan: CullPlan = { lifetime: [], idle: [] };
  for (const candidate of candidates) {
    if (candidate.launching) continue;
    if (candidate.maxLifetimeSeconds > 0 && now - candidate.startedAt >= candidate.maxLifetimeSeconds * 1000)
      plan.lifetime.push(candidate.id);
    else if (candidate.idleSeconds > 0 && now - candidate.lastActivity >= candidate.idleSeconds * 1000)
      plan.idle.push(candidate.id);
  }
  return plan;
}
