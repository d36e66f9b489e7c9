// Use case: what the engine holds for this app that nothing in the database claims. Workloads: labelled ones no
// workspace row claims, by the reconciler's own rule (lib/reconciler/plan.ts; it removes them itself after
// ORPHAN_GRACE_MS). Volumes: labelled data volumes no workspace and no kept volume names (their data stays until an
// admin gives them to someone or removes them).
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { planReconcile } from "@/lib/reconciler/plan";
import { getRuntime } from "@/lib/runtime/get-runtime";
import type { WorkloadState } from "@/lib/runtime/runtime";
import { inFlightKeys } from "@/lib/workspaces/in-flight";
import { labelKeys, managedSelector, readWorkloadKey } from "@/lib/workspaces/labels";

type Owner = { id: string; email: string | null };

export type OrphanWorkload = {
  id: string;
  name: string;
  image: string;
  state: WorkloadState;
  created_at: string;
  /** Whose its labels say it was (email null: that account is gone). */
  owner: Owner | null;
  workspace: { id: string | null; name: string; template: string };
};

export type OrphanVolume = {
  name: string;
  created_at: string | null;
  owner: Owner | null;
  workspace_id: string | null;
};

export type Orphans = { workloads: OrphanWorkload[]; volumes: OrphanVolume[] };

export async function listOrphans({ actor }: { actor: Actor }): Promise<Orphans> {
  assertAdmin(actor);
  const prefix = getEnv().LABEL_PREFIX;
  const keys = labelKeys(prefix);
  const runtime = getRuntime();
  const db = getDb();
  const [workloads, volumes, rows, kept] = await Promise.all([
    runtime.list(managedSelector(prefix)),
    runtime.listVolumes(managedSelector(prefix)),
    db.workspace.findMany({
      select: { id: true, ownerId: true, name: true, runtimeId: true, volumeName: true },
    }),
    db.keptVolume.findMany({ select: { volumeName: true } }),
  ]);
  // The reconciler's diff, with no grace: every unclaimed workload is an orphan now (launches in flight excepted).
  const plan = planReconcile({
    rows,
    workloads: workloads.map((workload) => ({
      id: workload.id,
      key: readWorkloadKey(prefix, workload.labels),
    })),
    inFlight: inFlightKeys(),
    firstSeen: new Map(),
    now: Date.now(),
    graceMs: Number.POSITIVE_INFINITY,
  });
  const orphanIds = new Set(plan.orphans.map((orphan) => orphan.id));
  const claimedVolumes = new Set([
    ...rows.map((row) => row.volumeName),
    ...kept.map((row) => row.volumeName),
  ]);
  const orphanVolumes = volumes.filter((volume) => !claimedVolumes.has(volume.name));
  const orphanWorkloads = workloads.filter((workload) => orphanIds.has(workload.id));
  const ownerIds = new Set(
    [...orphanWorkloads, ...orphanVolumes].map((item) => item.labels[keys.owner]).filter(Boolean) as string[],
  );
  const owners = new Map(
    (await db.user.findMany({ where: { id: { in: [...ownerIds] } }, select: { id: true, email: true } })).map(
      (user) => [user.id, user.email],
    ),
  );
  const ownerOf = (labels: Record<string, string>): Owner | null => {
    const id = labels[keys.owner];
    return id ? { id, email: owners.get(id) ?? null } : null;
  };
  return {
    workloads: orphanWorkloads
      .map((workload) => ({
        id: workload.id,
        name: workload.name,
        image: workload.image,
        state: workload.state,
        created_at: workload.createdAt.toISOString(),
        owner: ownerOf(workload.labels),
        workspace: {
          id: workload.labels[keys.workspaceId] ?? null,
          name: workload.labels[keys.name] ?? workload.labels[keys.legacyType] ?? "",
          template: workload.labels[keys.template] ?? "",
        },
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    volumes: orphanVolumes
      .map((volume) => ({
        name: volume.name,
        created_at: volume.createdAt?.toISOString() ?? null,
        owner: ownerOf(volume.labels),
        workspace_id: volume.labels[keys.workspaceId] ?? null,
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
