// Use case: every container on the engine (not only this app's), running ones or all: this app's linked to their
// workspace and owner, the platform's own marked protected.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { configuredImages } from "@/lib/engine/containers/configured-images";
import {
  type ContainersView,
  listedPorts,
  protectionView,
  toState,
} from "@/lib/engine/containers/container-view";
import { linksOf } from "@/lib/engine/containers/workspace-links";
import { engineCall } from "@/lib/engine/engine-call";
import { containerProtection } from "@/lib/engine/self";
import { getDocker } from "@/lib/runtime/docker/client";

export async function listContainers({
  actor,
  all,
}: {
  actor: Actor;
  all: boolean;
}): Promise<ContainersView> {
  assertAdmin(actor);
  const listed = await engineCall("list the containers", (opts) =>
    getDocker().listContainers({ all, ...opts }),
  );
  const [links, images] = await Promise.all([
    linksOf(listed.map((container) => container.Labels)),
    configuredImages(listed),
  ]);
  const containers = listed.map((container, index) => {
    const name = (container.Names[0] ?? container.Id.slice(0, 12)).replace(/^\//, "");
    const labels = container.Labels ?? {};
    const image = images.get(container.Id) ?? container.Image;
    return {
      id: container.Id,
      name,
      image,
      state: toState(container.State),
      status: container.Status,
      created_at: new Date(container.Created * 1000).toISOString(),
      ports: listedPorts(container.Ports),
      managed: links[index]?.managed ?? false,
      workspace: links[index]?.workspace ?? null,
      protected: protectionView(containerProtection({ id: container.Id, name, image, labels })),
    };
  });
  containers.sort((a, b) => a.name.localeCompare(b.name));
  return { all, containers };
}
