// Where the app itself can reach a container's service for the readiness probe.
import type { ContainerInspectInfo } from "dockerode";
import type { Env } from "@/lib/env";
import { portsFromInspect } from "@/lib/runtime/published-ports";

export function probeUrl(
  env: Pick<Env, "INGRESS" | "CONTAINER_NETWORK">,
  info: ContainerInspectInfo,
  port: number,
): string | null {
  if (env.INGRESS === "local") {
    const published = portsFromInspect(info).find(
      (entry) => entry.privatePort === port && entry.publicPort > 0,
    );
    return published ? `http://127.0.0.1:${published.publicPort}/` : null;
  }
  // Behind Traefik the app shares the container network, so it can call the container directly.
  const ip = info.NetworkSettings?.Networks?.[env.CONTAINER_NETWORK]?.IPAddress;
  return ip ? `http://${ip}:${port}/` : null;
}
