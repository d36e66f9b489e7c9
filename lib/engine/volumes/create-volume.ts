// Use case: an admin creates a volume. An existing name is refused (the engine would silently hand back the old
// one), and so are this app's own labels: a volume made here must never pass for a workspace's data.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { engineCall } from "@/lib/engine/engine-call";
import { engineVolumes } from "@/lib/engine/volumes/engine-volumes";
import type { VolumeView } from "@/lib/engine/volumes/volume-view";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getDocker } from "@/lib/runtime/docker/client";
import { orNull } from "@/lib/runtime/docker/errors";

export async function createVolume({
  actor,
  input,
}: {
  actor: Actor;
  input: { name: string; driver: string; labels: Record<string, string> };
}): Promise<VolumeView> {
  const { name, driver, labels } = input;
  return audited(
    actor,
    { action: "engine.volume.create", target: { type: "volume", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      draft.details = { driver, labels: Object.keys(labels).length };
      const prefix = `${getEnv().LABEL_PREFIX}.`;
      const ours = Object.keys(labels).filter((key) => key.startsWith(prefix));
      if (ours.length > 0)
        throw new AppError("VALIDATION_FAILED", `Labels starting with ${prefix} are this app's own.`, {
          fields: { labels: [`Labels starting with ${prefix} are this app's own: ${ours.join(", ")}.`] },
        });
      const docker = getDocker();
      const existing = await orNull(
        engineCall("look up the volume", (opts) => docker.getVolume(name).inspect(opts)),
        (error) => error instanceof AppError && error.code === "ENGINE_OBJECT_NOT_FOUND",
      );
      if (existing) throw new AppError("NAME_TAKEN", `There is a volume ${name} already.`);
      await engineCall("create the volume", (opts) =>
        docker.createVolume({ ...opts, Name: name, Driver: driver, Labels: labels }),
      );
      // The volume exists from here: a failing re-listing (system df, the database) must not make that a 5xx.
      const listed = await engineVolumes().then(
        (all) => all.find((volume) => volume.name === name),
        (error: unknown) => {
          console.error(
            `[engine] volume ${name} was created, listing it failed: ${(error as Error).message}`,
          );
          return undefined;
        },
      );
      if (listed) return listed;
      const info = await docker
        .getVolume(name)
        .inspect({ abortSignal: AbortSignal.timeout(getEnv().DOCKER_TIMEOUT_MS) })
        .catch(() => null);
      return {
        name,
        driver: info?.Driver ?? driver,
        mountpoint: info?.Mountpoint ?? "",
        scope: info?.Scope ?? "local",
        created_at: null,
        labels,
        size_bytes: null,
        ref_count: 0,
        containers: [],
        belongs_to: null,
      };
    },
  );
}
