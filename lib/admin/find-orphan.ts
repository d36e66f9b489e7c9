// One orphan by name or id, or 404: only what listOrphans lists may be touched, so an unlabelled volume, another
// prefix's, or one a workspace or kept volume still names is not found (and stays as it is).
import "server-only";
import { listOrphans, type OrphanVolume, type OrphanWorkload } from "@/lib/admin/list-orphans";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { VOLUME_NAME, WORKLOAD_ID } from "@/lib/validations/admin-users";

export function orphanVolumeNotFound(): AppError {
  return new AppError("VOLUME_NOT_FOUND", "There is no such orphaned volume.");
}

export function orphanWorkloadNotFound(): AppError {
  return new AppError("NOT_FOUND", "There is no such orphaned workload.");
}

export async function findOrphanVolume(actor: Actor, name: string): Promise<OrphanVolume> {
  if (typeof name !== "string" || !VOLUME_NAME.test(name)) throw orphanVolumeNotFound();
  const found = (await listOrphans({ actor })).volumes.find((volume) => volume.name === name);
  if (!found) throw orphanVolumeNotFound();
  return found;
}

export async function findOrphanWorkload(actor: Actor, id: string): Promise<OrphanWorkload> {
  if (typeof id !== "string" || !WORKLOAD_ID.test(id)) throw orphanWorkloadNotFound();
  const found = (await listOrphans({ actor })).workloads.find((workload) => workload.id === id);
  if (!found) throw orphanWorkloadNotFound();
  return found;
}

/** The audit owner of an orphan: the account its labels name, while it exists. */
export function orphanOwner(orphan: { owner: { id: string; email: string | null } | null }) {
  return orphan.owner?.email ? { id: orphan.owner.id, email: orphan.owner.email } : null;
}
