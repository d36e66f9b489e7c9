// Docker's two container shapes (a list entry, an inspect result) turned into the runtime-neutral Workload.
import type { ContainerInfo, ContainerInspectInfo } from "dockerode";
import type { Endpoint, Workload, WorkloadState } from "@/lib/runtime/runtime";

// Exit codes of a deliberate stop: clean exit, SIGINT, SIGKILL (after the stop timeout), SIGTERM.
const STOPPED_EXIT_CODES = new Set([0, 130, 137, 143]);

/** Parses the exit code from Docker's list "Status" text, e.g. "Exited (137) 5 seconds ago". */
export function exitCodeFromStatus(statusText: string | undefined): number | undefined {
  const match = /Exited \((-?\d+)\)/.exec(statusText ?? "");
  return match ? Number(match[1]) : undefined;
}

const UNIT_SECONDS: Record<string, number> = {
  second: 1,
  minute: 60,
  hour: 3600,
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400,
};

/**
 * When a listed running container started, from Docker's rounded "Up 5 minutes" text (a list entry carries no
 * start time): as exact as Docker's wording, which is all an uptime column needs, without one inspect per row.
 */
export function startedFromStatus(statusText: string | undefined, now = new Date()): Date | undefined {
  const match =
    /^Up (Less than a second|About an? (minute|hour)|(\d+) (second|minute|hour|day|week|month|year)s?)/.exec(
      statusText ?? "",
    );
  if (!match) return undefined;
  const seconds = match[2]
    ? (UNIT_SECONDS[match[2]] ?? 0)
    : match[3]
      ? Number(match[3]) * (UNIT_SECONDS[match[4] ?? ""] ?? 0)
      : 0;
  return new Date(now.getTime() - seconds * 1000);
}

export function stateFromDocker(
  state: string | undefined,
  exitCode?: number,
  oomKilled = false,
): WorkloadState {
  switch (state) {
    case "running":
      return "running";
    case "created":
    case "paused":
    case "removing":
      return "stopped";
    case "exited":
      return !oomKilled && (exitCode === undefined || STOPPED_EXIT_CODES.has(exitCode))
        ? "stopped"
        : "failed";
    default:
      // "restarting" (a crash loop under unless-stopped) and "dead".
      return "failed";
  }
}

const firstAddress = (networks: Record<string, { IPAddress?: string }> | undefined) =>
  Object.values(networks ?? {}).find((network) => network.IPAddress)?.IPAddress || undefined;

export function workloadFromList(info: ContainerInfo): Workload {
  const exitCode = info.State === "exited" ? exitCodeFromStatus(info.Status) : undefined;
  const address = firstAddress(info.NetworkSettings?.Networks);
  const byPort = new Map<number, Endpoint>();
  for (const port of info.Ports ?? []) {
    const endpoint = byPort.get(port.PrivatePort) ?? { port: port.PrivatePort, address };
    if (port.PublicPort && !endpoint.published)
      endpoint.published = { host: "127.0.0.1", port: port.PublicPort };
    byPort.set(port.PrivatePort, endpoint);
  }
  return {
    id: info.Id,
    name: (info.Names?.[0] ?? "").replace(/^\//, ""),
    image: info.Image,
    imageId: info.ImageID,
    state: stateFromDocker(info.State, exitCode),
    exitCode,
    endpoints: [...byPort.values()],
    labels: info.Labels ?? {},
    createdAt: new Date(info.Created * 1000),
    startedAt: info.State === "running" ? startedFromStatus(info.Status) : undefined,
  };
}

export function workloadFromInspect(info: ContainerInspectInfo): Workload {
  const state = info.State;
  const exitCode = state.Status === "exited" ? state.ExitCode : undefined;
  const address = firstAddress(info.NetworkSettings?.Networks);
  const endpoints: Endpoint[] = Object.entries(info.NetworkSettings?.Ports ?? {}).map(([key, bindings]) => {
    const binding = (bindings ?? []).find((candidate) => Number(candidate.HostPort) > 0);
    return {
      port: Number.parseInt(key, 10),
      address,
      published: binding ? { host: "127.0.0.1", port: Number(binding.HostPort) } : undefined,
    };
  });
  const started =
    state.StartedAt && !state.StartedAt.startsWith("0001") ? new Date(state.StartedAt) : undefined;
  return {
    id: info.Id,
    name: info.Name.replace(/^\//, ""),
    image: info.Config.Image,
    imageId: info.Image,
    user: { spec: info.Config.User ?? "" },
    state: stateFromDocker(state.Status, exitCode, state.OOMKilled),
    exitCode,
    ...(state.OOMKilled ? { oomKilled: true } : {}),
    endpoints,
    labels: info.Config.Labels ?? {},
    createdAt: new Date(info.Created),
    startedAt: started,
  };
}
