// Use case: one container slot with details for its page and GET /api/containers/[type].
import "server-only";
import type { ContainerInfo, ContainerInspectInfo } from "dockerode";
import type { Owner } from "@/lib/containers/container-spec-for";
import { type ContainerView, containerView } from "@/lib/containers/container-view";
import { findUserContainer } from "@/lib/containers/find-user-container";
import { isInFlight, launchKey } from "@/lib/containers/in-flight";
import { getEnv } from "@/lib/env";
import { getTemplates } from "@/lib/templates/get-templates";
import { parseContainerType } from "@/lib/templates/registry";

export type ContainerDetails = ContainerView & { image: string | null; name: string | null };

/** Inspect and list describe a container differently; the view is built from the list shape. */
function asListEntry(info: ContainerInspectInfo): ContainerInfo {
  const ports = Object.entries(info.NetworkSettings?.Ports ?? {}).flatMap(([key, bindings]) =>
    (bindings ?? []).map((binding) => ({
      IP: binding.HostIp,
      PrivatePort: Number.parseInt(key, 10),
      PublicPort: Number(binding.HostPort),
      Type: "tcp",
    })),
  );
  const exitCode = info.State.Status === "exited" ? ` (${info.State.ExitCode})` : "";
  return {
    Id: info.Id,
    Names: [info.Name],
    Image: info.Config.Image,
    ImageID: info.Image,
    Command: "",
    Created: Math.floor(new Date(info.Created).getTime() / 1000),
    Ports: ports,
    Labels: info.Config.Labels ?? {},
    State: info.State.Status,
    Status: `Exited${exitCode}`,
    HostConfig: { NetworkMode: info.HostConfig.NetworkMode ?? "" },
    NetworkSettings: { Networks: {} },
    Mounts: [],
  } as ContainerInfo;
}

export async function getUserContainer({
  owner,
  type,
}: {
  owner: Owner;
  type: unknown;
}): Promise<ContainerDetails> {
  const containerType = parseContainerType(type);
  const { row, container } = await findUserContainer({ owner, type: containerType });
  const view = containerView({
    env: getEnv(),
    template: getTemplates()[containerType],
    slug: owner.slug,
    row,
    container: container ? asListEntry(container) : null,
    launching: isInFlight(launchKey(owner.id, containerType)),
  });
  return {
    ...view,
    image: container?.Config.Image ?? null,
    name: container?.Name.replace(/^\//, "") ?? null,
  };
}
