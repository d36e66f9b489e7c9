// The Docker create options for a user container: identity, limits and hardening in one pure function.
import type { ContainerCreateOptions } from "dockerode";

export type Limits = { memoryBytes: number; cpus: number; pidsLimit: number };

export type ContainerSpec = {
  name: string;
  image: string;
  port: number;
  network: string;
  labels: Record<string, string>;
  env: Record<string, string>;
  limits: Limits;
  capAdd: string[];
  /** Local mode publishes the port on loopback only; Traefik mode publishes nothing. */
  publishOnLoopback: boolean;
  hostname?: string;
};

export function buildCreateOptions(spec: ContainerSpec): ContainerCreateOptions {
  const port = `${spec.port}/tcp`;
  return {
    name: spec.name,
    Image: spec.image,
    Hostname: spec.hostname,
    Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
    Labels: spec.labels,
    ExposedPorts: { [port]: {} },
    HostConfig: {
      NetworkMode: spec.network,
      PortBindings: spec.publishOnLoopback ? { [port]: [{ HostIp: "127.0.0.1", HostPort: "" }] } : {},
      RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 },
      // An init process reaps zombies and forwards SIGTERM, so stop is quick even for naive PID 1s.
      Init: true,
      Memory: spec.limits.memoryBytes,
      // Swap limit equal to memory: no swap beyond the memory limit.
      MemorySwap: spec.limits.memoryBytes,
      NanoCpus: Math.round(spec.limits.cpus * 1e9),
      PidsLimit: spec.limits.pidsLimit,
      Privileged: false,
      CapDrop: ["ALL"],
      CapAdd: spec.capAdd,
      SecurityOpt: ["no-new-privileges:true"],
      Binds: [],
      Mounts: [],
      LogConfig: { Type: "json-file", Config: { "max-size": "10m", "max-file": "3" } },
    },
    NetworkingConfig: { EndpointsConfig: { [spec.network]: {} } },
  };
}
