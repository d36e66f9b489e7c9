import { formatBytes } from "@/components/workspaces/format";
import type { SystemView } from "@/lib/engine/system/system-view";

/** The engine's facts as label/value pairs; data-fact names each for tests and scripts reading the page. */
export function SystemFacts({ system }: { system: SystemView }) {
  const facts: [string, string, string][] = [
    ["engine_version", "Engine version", system.engine_version],
    ["api_version", "API version", system.api_version],
    ["os", "Operating system", `${system.os} (${system.os_type})`],
    ["kernel_version", "Kernel", system.kernel_version],
    ["architecture", "Architecture", system.architecture],
    ["storage_driver", "Storage driver", system.storage_driver],
    ["cgroup", "Cgroup driver", `${system.cgroup_driver} (v${system.cgroup_version})`],
    ["cpus", "CPUs", String(system.cpus)],
    ["memory", "Memory", formatBytes(system.memory_bytes)],
    [
      "containers",
      "Containers",
      `${system.containers.total}: ${system.containers.running} running, ${system.containers.paused} paused, ${system.containers.stopped} stopped`,
    ],
    ["images", "Images", String(system.images)],
    [
      "swarm",
      "Swarm",
      system.swarm.state === "active"
        ? `active (${system.swarm.manager ? "manager" : "worker"})`
        : system.swarm.state,
    ],
  ];
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="system-facts">
      {facts.map(([key, label, value]) => (
        <div key={key} className="flex justify-between gap-4 border-b py-1" data-fact={key}>
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="text-right font-medium">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
