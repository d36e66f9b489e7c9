// Brings one workspace's workload up: create it if missing (volume, secret files, first clone), start it, wait
// until its primary app answers. Shared by every launch (a workspace, a dev/prod slot); single-flight per
// workspace in this process, and other processes meet at the unique workload name.
import "server-only";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { admitStart } from "@/lib/resources/admission";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { Workload, WorkloadUser } from "@/lib/runtime/runtime";
import { type Template, templateFromRow } from "@/lib/templates/template";
import { appProbeUrl } from "@/lib/workspaces/app-probe";
import { cloneRepository } from "@/lib/workspaces/clone-repository";
import { faultPoint } from "@/lib/workspaces/fault-point";
import { launchKey } from "@/lib/workspaces/in-flight";
import { belongsTo, readWorkloadKey } from "@/lib/workspaces/labels";
import type { progressReporter } from "@/lib/workspaces/launch-progress";
import { asMadeFrom } from "@/lib/workspaces/made-from";
import { volumeName } from "@/lib/workspaces/names";
import { assertOwnerActive } from "@/lib/workspaces/owner-active";
import { prepareWorkload } from "@/lib/workspaces/prepare-workload";
import { openSecret } from "@/lib/workspaces/secrets";
import { effectiveLimits, parseSettings } from "@/lib/workspaces/settings";
import { waitUntilReady } from "@/lib/workspaces/wait-until-ready";
import { workloadSpecFor } from "@/lib/workspaces/workload-spec";
import { findWorkload, type WorkspaceRecord } from "@/lib/workspaces/workspace-store";

type Reporter = ReturnType<typeof progressReporter>;

export function imageMissing(template: Pick<Template, "name" | "image">): AppError {
  return new AppError(
    "TEMPLATE_IMAGE_NOT_FOUND",
    `The ${template.name} template image "${template.image}" is not available on this server. Ask an administrator to build it.`,
  );
}

/**
 * `justCreated`: the caller wrote this row a moment ago, so no workload of it can exist yet (a parallel process's
 * would be met at create by its name) and the lookup is skipped.
 */
export async function bringUp(
  workspace: WorkspaceRecord,
  progress: Reporter,
  { justCreated = false } = {},
): Promise<{ workload: Workload; template: Template }> {
  // Every launch passes here (start, open, a slot, a restart that applies a change): a disabled owner's runs nothing.
  assertOwnerActive(workspace.owner);
  const env = getEnv();
  const runtime = getRuntime();
  const current = templateFromRow(workspace.template);
  // What the workload in hand was made from; a new one below is made from the current template.
  let template = asMadeFrom(current, workspace);
  const settings = parseSettings(workspace.settings);
  progress.step("image");
  let workload = justCreated ? null : await findWorkload(workspace);
  // Anything that is not running yet starts only within its owner's quotas and the engine's capacity; a running one
  // holds what it holds, unless a change applied now gives it new limits (checked in place of its old ones).
  const running = workload?.state === "running";
  if (!running || workspace.pendingChange) {
    const limits = effectiveLimits(settings, current);
    await admitStart({
      key: launchKey(workspace.ownerId, workspace.name),
      workspaceId: workspace.id,
      ownerId: workspace.ownerId,
      memoryMb: limits.memoryMb,
      cpus: limits.cpus,
      replacing: running,
      node: workload?.pinnedTo,
    });
  }
  // Whether this launch (re)starts the workload: only then does a new run, and its maximum lifetime, begin.
  const startsRun = !running || workspace.pendingChange !== null;
  if (workload && workspace.pendingChange === "recreate") {
    // Settings that only a new workload can carry (env, secret files): replace it, the volume stays — but only
    // once its replacement can be made: a missing image must not leave the workspace down.
    if (!(await runtime.imageExists(current.image))) throw imageMissing(current);
    await runtime.remove(workload.id);
    workload = null;
  }
  let user: WorkloadUser | null = null;
  // New limits already replaced the workload's task (a Swarm): no second restart to apply them.
  let limitsRestarted = false;
  let freshVolume = false;
  if (!workload) {
    template = current;
    if (!(await runtime.imageExists(template.image))) throw imageMissing(template);
    // Never a volume without its options (an NFS template's data on a local disk).
    if (template.volume.unreadable)
      throw new AppError(
        "CONTAINER_START_FAILED",
        `The ${template.name} template's volume options can't be read. Ask an administrator to save them again.`,
      );
    progress.step("create");
    // The row (intent) exists before the engine acts; a workload a crash leaves behind carries the workspace's id
    // in its labels, so the reconciler and the next launch find it without the row pointing at it.
    if (workspace.runtimeId || workspace.pendingChange)
      await getDb().workspace.update({
        where: { id: workspace.id },
        data: { runtimeId: null, pendingChange: null },
      });
    await faultPoint("after-row");
    const spec = workloadSpecFor(env, { ...workspace, settings }, workspace.owner, template);
    // Never had a workload and not given a kept volume: the volume this create makes is new.
    freshVolume =
      workspace.image === null &&
      workspace.volumeName === volumeName({ ...workspace, slug: workspace.owner.slug });
    const id = (await runtime.create(spec)) ?? (await adoptByName(workspace));
    // The image marks that this workspace has had a workload (so its volume is no longer fresh); the version is
    // the template's this workload was made from (older than the template's later: "update available").
    await getDb().workspace.update({
      where: { id: workspace.id },
      data: { image: template.image, templateVersion: template.version, apps: JSON.stringify(template.apps) },
    });
    await faultPoint("after-create");
    workload = await runtime.inspect(id);
    if (!workload)
      throw new AppError("CONTAINER_START_FAILED", "The container disappeared while it was being made.");
  } else if (workspace.pendingChange === "restart") {
    limitsRestarted =
      (
        await runtime.updateLimits(
          workload.id,
          workloadSpecFor(env, { ...workspace, settings }, workspace.owner, template).limits,
        )
      )?.restarted === true;
  }
  // Before its first start — also when a crash came between create and start — never again: secret files
  // change only by a re-creation, and the data folder stays the user's.
  if (!workload.startedAt)
    user = await prepareWorkload({
      workload,
      workspaceId: workspace.id,
      dataPath: template.dataPath,
      freshVolume,
    });
  if (settings.git && !workspace.repoClonedAt) {
    progress.include("clone");
    progress.step("clone");
    await clone(workspace, settings, template, user ?? (await runtime.userOf(workload)));
  }
  progress.step("start");
  if (workload.state !== "running")
    await runtime.start(workload.id, (phase) => {
      // A Swarm says where the workload goes and when its image is there, before it runs.
      if (phase.phase === "running") return;
      progress.include("schedule");
      progress.include("pull");
      if (phase.phase === "scheduled") progress.step("schedule", `Scheduled on node ${phase.node}`);
      else progress.step("pull", `Getting the image on node ${phase.node}`);
    });
  else if (workspace.pendingChange === "restart" && !limitsRestarted) await runtime.restart(workload.id);
  await faultPoint("after-start");
  const started = await runtime.inspect(workload.id);
  if (!started)
    throw new AppError("CONTAINER_START_FAILED", "The container disappeared while it was starting.");
  progress.step("ready");
  // Ready: the primary app answers, and every app with a health path passes it (in parallel, one deadline).
  const waits = template.apps
    .filter((app) => app.primary || app.healthPath)
    .map((app) => {
      const url = appProbeUrl(env, started, app);
      if (!url) return Promise.resolve();
      return waitUntilReady({
        url,
        timeoutMs: env.READINESS_TIMEOUT_MS,
        label: workspace.displayName,
        healthy: !!app.healthPath,
      });
    });
  await Promise.all(waits);
  await getDb().workspace.update({
    where: { id: workspace.id },
    data: {
      runtimeId: started.id,
      image: started.image,
      lastUsedAt: new Date(),
      ...(startsRun ? { startedAt: new Date() } : {}),
      pendingChange: null,
      lastError: null,
      stoppedReason: null,
      stoppedAt: null,
    },
  });
  return { workload: started, template };
}

/** A workload with our name, made by a parallel or crashed process: ours only if its labels say so. */
async function adoptByName(workspace: WorkspaceRecord): Promise<string> {
  const found = await getRuntime().inspect(workspace.workloadName);
  if (!found || !belongsTo(readWorkloadKey(getEnv().LABEL_PREFIX, found.labels), workspace))
    throw new AppError(
      "CONFLICT",
      "A container with this workspace's name exists but does not belong to it.",
    );
  return found.id;
}

async function clone(
  workspace: WorkspaceRecord,
  settings: ReturnType<typeof parseSettings>,
  template: Template,
  user: WorkloadUser,
): Promise<void> {
  const git = settings.git;
  if (!git) return;
  const helperImage = getEnv().GIT_HELPER_IMAGE;
  if (!(await getRuntime().imageExists(helperImage)))
    throw new AppError(
      "TEMPLATE_IMAGE_NOT_FOUND",
      `The git helper image "${helperImage}" is not available on this server. Ask an administrator to build it (npm run templates:build).`,
    );
  const sealed = await getDb().workspaceSecret.findFirst({
    where: { workspaceId: workspace.id, kind: "git-token" },
  });
  const token = sealed ? openSecret(workspace.id, sealed).toString("utf8") : null;
  await cloneRepository({ workspace, git, token, user, dataPath: template.dataPath });
  await getDb().workspace.update({ where: { id: workspace.id }, data: { repoClonedAt: new Date() } });
}
