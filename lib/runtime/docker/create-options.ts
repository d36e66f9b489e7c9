// The Docker create options of a workload: identity, limits, its volume and the hardening, in one pure function.
import type { ContainerCreateOptions } from "dockerode";
import type { Limits, WorkloadSpec } from "@/lib/runtime/runtime";

/** Memory, swap (none beyond memory), CPUs and processes in Docker's units. */
export function limitsToDocker(limits: Limits) {
  return {
    Memory: limits.memoryBytes,
    MemorySwap: limits.memoryBytes,
    NanoCpus: Math.round(limits.cpus * 1e9),
    PidsLimit: limits.pidsLimit,
  };
}

/** What every container we make gets: no privileges, capabilities dropped, no new privileges, bounded logs. */
export function hardening(capAdd: string[]) {
  return {
    Privileged: false,
    CapDrop: ["ALL"],
    CapAdd: capAdd,
    SecurityOpt: ["no-new-privileges:true"],
    // An init process reaps zombies and forwards SIGTERM, so stop is quick even for naive PID 1s.
    Init: true,
    Binds: [],
    LogConfig: { Type: "json-file", Config: { "max-size": "10m", "max-file": "3" } },
  };
}

export function buildCreateOptions(spec: WorkloadSpec): ContainerCreateOptions {
  const ports = spec.ports.map((port) => `${port}/tcp`);
  return {
    name: spec.name,
    Image: spec.image,
    Hostname: spec.hostname,
    Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
    Labels: spec.labels,
    ExposedPorts: Object.fromEntries(ports.map((port) => [port, {}])),
    HostConfig: {
      NetworkMode: spec.network,
      PortBindings: spec.publishOnLoopback
        ? Object.fromEntries(ports.map((port) => [port, [{ HostIp: "127.0.0.1", HostPort: "" }]]))
        : {},
      RestartPolicy: { Name: "unless-stopped", MaximumRetryCount: 0 },
      ...limitsToDocker(spec.limits),
      ...hardening(spec.capAdd),
      // Only a named volume, never a host path: the workspace's data, created (and labelled) on first use.
      Mounts: spec.volume
        ? [
            {
              Type: "volume",
              Source: spec.volume.name,
              Target: spec.volume.target,
              // NoCopy false: a new volume starts with what the image has at the data path (and its owner).
              VolumeOptions: {
                NoCopy: false,
                Labels: spec.volume.labels,
                DriverConfig: { Name: "local", Options: {} },
              },
            },
          ]
        : [],
    },
    NetworkingConfig: { EndpointsConfig: { [spec.network]: {} } },
  };
}
