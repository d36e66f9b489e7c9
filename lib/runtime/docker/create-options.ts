// The Docker create options of a workload: identity, limits, its volume and the hardening, in one pure function.
import type { ContainerCreateOptions, MountSettings } from "dockerode";
import type { Limits, VolumeMount, WorkloadSpec } from "@/lib/runtime/runtime";

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

/**
 * The data volume's mount; a new volume is made with its driver (default local). An existing one keeps the driver it
 * was made with: the mount names none, as Docker refuses a mount whose driver differs from the volume's.
 */
function volumeMount(volume: VolumeMount, volumeExists: boolean): MountSettings {
  const driver = volume.driver ?? { name: "local", options: {} };
  return {
    Type: "volume",
    Source: volume.name,
    Target: volume.target,
    // NoCopy false: a new volume starts with what the image has at the data path (and its owner). dockerode's type
    // requires DriverConfig, which the Engine API does not.
    VolumeOptions: {
      NoCopy: false,
      Labels: volume.labels,
      ...(volumeExists ? {} : { DriverConfig: { Name: driver.name, Options: driver.options } }),
    } as NonNullable<MountSettings["VolumeOptions"]>,
  };
}

/** `volumeExists`: the workload's data volume is there already (it keeps its driver). */
export function buildCreateOptions(
  spec: WorkloadSpec,
  { volumeExists = false } = {},
): ContainerCreateOptions {
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
      Mounts: spec.volume ? [volumeMount(spec.volume, volumeExists)] : [],
    },
    NetworkingConfig: { EndpointsConfig: { [spec.network]: {} } },
  };
}
