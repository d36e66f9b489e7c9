// Reads published ports from Docker's two shapes: list entries and inspect results.
import type { ContainerInfo, ContainerInspectInfo } from "dockerode";
import type { PublishedPort } from "@/lib/ingress/ingress";

export function portsFromList(info: Pick<ContainerInfo, "Ports">): PublishedPort[] {
  return (info.Ports ?? [])
    .filter((port) => port.PublicPort)
    .map((port) => ({ privatePort: port.PrivatePort, publicPort: port.PublicPort }));
}

export function portsFromInspect(info: Pick<ContainerInspectInfo, "NetworkSettings">): PublishedPort[] {
  const ports = info.NetworkSettings?.Ports ?? {};
  return Object.entries(ports).flatMap(([key, bindings]) =>
    (bindings ?? []).map((binding) => ({
      privatePort: Number.parseInt(key, 10),
      publicPort: Number(binding.HostPort),
    })),
  );
}
