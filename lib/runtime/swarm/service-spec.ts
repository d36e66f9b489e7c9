// A workload as a Swarm service: one replica (0 when stopped), the same image, environment, limits and hardening
// as a Docker container where Swarm has them, on an attachable overlay, endpoint mode dnsrr (no IPVS needed).
import type { Limits, WorkloadSpec } from "@/lib/runtime/runtime";
import { RUNTIME_LABELS, serviceName } from "@/lib/runtime/swarm/names";

export type SecretRef = {
  SecretID: string;
  SecretName: string;
  File: { Name: string; UID: string; GID: string; Mode: number };
};

/** Swarm's resource limits: CPUs as nano-CPUs, memory (Swarm sets no swap beyond it), processes. */
export function limitsToSwarm(limits: Limits) {
  return {
    NanoCPUs: Math.round(limits.cpus * 1e9),
    MemoryBytes: limits.memoryBytes,
    Pids: limits.pidsLimit,
  };
}

/** Capabilities dropped but the ones asked for, an init, bounded logs: what Swarm 20.10 can carry of hardening(). */
export function swarmHardening(capAdd: string[]) {
  return {
    Init: true,
    CapabilityDrop: ["ALL"],
    CapabilityAdd: capAdd,
    // Privileges.NoNewPrivileges is dropped by the 1.41 API: each node's daemon.json sets no-new-privileges.
  };
}

export const LOG_DRIVER = { Name: "json-file", Options: { "max-size": "10m", "max-file": "3" } };

// A crashed workload restarts after 1 s (Docker's unless-stopped restarts at once); a node lost reschedules its
// unpinned workloads as soon as the node is seen down.
const RESTART_POLICY = { Condition: "any", Delay: 1e9, MaxAttempts: 0 };

export function serviceSpecFor(
  spec: WorkloadSpec,
  options: {
    replicas: number;
    pinTo?: string;
    secrets?: SecretRef[];
    /** The volume exists already: it keeps the driver it was made with (a mount naming another would be refused). */
    existingVolume?: boolean;
  },
) {
  const labels: Record<string, string> = {
    ...spec.labels,
    [RUNTIME_LABELS.name]: spec.name,
    [RUNTIME_LABELS.ports]: spec.ports.join(","),
  };
  if (options.pinTo) labels[RUNTIME_LABELS.node] = options.pinTo;
  return {
    Name: serviceName(spec.name),
    Labels: labels,
    TaskTemplate: {
      ContainerSpec: {
        Image: spec.image,
        Hostname: spec.hostname,
        Env: Object.entries(spec.env).map(([key, value]) => `${key}=${value}`),
        // The task's container carries the workload's labels too (a node's engine then tells whose it is).
        Labels: labels,
        ...swarmHardening(spec.capAdd),
        // The engine's grace before SIGKILL, as on Docker.
        StopGracePeriod: 10e9,
        Mounts: spec.volume
          ? [
              {
                Type: "volume",
                Source: spec.volume.name,
                Target: spec.volume.target,
                // As on Docker: a new volume starts with what the image has at the data path (and its owner).
                VolumeOptions: {
                  NoCopy: false,
                  Labels: spec.volume.labels,
                  ...(options.existingVolume
                    ? {}
                    : {
                        DriverConfig: spec.volume.driver
                          ? { Name: spec.volume.driver.name, Options: spec.volume.driver.options }
                          : { Name: "local", Options: {} },
                      }),
                },
              },
            ]
          : [],
        Secrets: options.secrets ?? [],
      },
      Resources: {
        Limits: limitsToSwarm(spec.limits),
        Reservations: spec.reservations
          ? {
              MemoryBytes: spec.reservations.memoryBytes,
              NanoCPUs: Math.round(spec.reservations.cpus * 1e9),
            }
          : {},
      },
      RestartPolicy: RESTART_POLICY,
      Placement: { Constraints: options.pinTo ? [`node.id==${options.pinTo}`] : [] },
      Networks: [{ Target: spec.network }],
      LogDriver: LOG_DRIVER,
    },
    Mode: { Replicated: { Replicas: options.replicas } },
    // dnsrr: the name resolves to the task's own address (a VIP needs IPVS, which these kernels may lack). Local
    // mode publishes each port in host mode on a port Swarm picks on the task's node.
    EndpointSpec: {
      Mode: "dnsrr",
      Ports: spec.publishOnLoopback
        ? spec.ports.map((port) => ({ Protocol: "tcp", TargetPort: port, PublishMode: "host" }))
        : [],
    },
  };
}
