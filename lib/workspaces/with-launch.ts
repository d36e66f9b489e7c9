// One launch of one workspace at a time in this process: twenty clicks share it, its steps are published for the
// progress stream, and how it ended is kept on the row (the card shows the last error after a reload) and measured
// (spawner_launch_duration_seconds: once per launch, however many callers share it).
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { toErrorBody } from "@/lib/errors";
import { serviceUrl } from "@/lib/ingress/ingress";
import { recordLaunch } from "@/lib/metrics/metrics";
import { releaseStart } from "@/lib/resources/admission";
import type { Workload } from "@/lib/runtime/runtime";
import type { Template } from "@/lib/templates/template";
import { launchKey, singleFlight } from "@/lib/workspaces/in-flight";
import { progressReporter } from "@/lib/workspaces/launch-progress";

/** What a launch answers: the seed's shape (POST /api/container/launch/{type}). */
export type LaunchResult = {
  message: string;
  service_url: string | null;
  container_id: string;
  status: "running";
};

export type Launched = {
  workspaceId: string;
  displayName: string;
  routeKey: string;
  hostKey: string | null;
  template: Template;
  workload: Workload;
};

const REFUSALS = new Set(["QUOTA_EXCEEDED", "RESOURCE_LIMIT_EXCEEDED", "RATE_LIMITED"]);

/** `workspace.template`: its template's name, the launch metric's label besides the outcome. */
export function withLaunch(
  workspace: { ownerId: string; name: string; template: string },
  work: (progress: ReturnType<typeof progressReporter>) => Promise<Launched>,
): Promise<LaunchResult> {
  const key = launchKey(workspace.ownerId, workspace.name);
  return singleFlight(key, async () => {
    const progress = progressReporter(key);
    const started = performance.now();
    let outcome = "ok";
    try {
      const launched = await work(progress);
      progress.ready();
      return {
        message: `Your ${launched.displayName} workspace is running.`,
        service_url: serviceUrl(getEnv(), launched, launched.workload, launched.template.apps),
        container_id: launched.workload.id,
        status: "running" as const,
      };
    } catch (error) {
      const { body } = toErrorBody(error);
      outcome = body.error.code;
      progress.fail(body.error);
      // A refusal to start (a quota, the capacity, too many starts) is no fault of the workspace: not kept on it.
      if (REFUSALS.has(body.error.code)) throw error;
      await getDb()
        .workspace.updateMany({
          where: { ownerId: workspace.ownerId, name: workspace.name },
          data: { lastError: body.error.message },
        })
        .catch(() => {});
      throw error;
    } finally {
      recordLaunch(workspace.template, outcome, (performance.now() - started) / 1000);
      // Running now (counted from the runtime), or not started: either way the reservation's work is done.
      releaseStart(key);
    }
  });
}
