// What the engine pages and the admin API show of a container, in the API's words (snake_case on the wire). Built
// from the engine's own JSON here and nowhere else, so the routes and pages never read Docker's shapes.
import type { InspectedContainer } from "@/lib/engine/containers/find-container";
import { type EnvEntry, maskEnv } from "@/lib/engine/containers/secret-env";
import { maskArgs, maskLabels, maskText } from "@/lib/engine/containers/secret-text";
import type { Protection } from "@/lib/engine/self";

export const CONTAINER_STATES = [
  "created",
  "running",
  "paused",
  "restarting",
  "removing",
  "exited",
  "dead",
] as const;
export type ContainerState = (typeof CONTAINER_STATES)[number];

export type PortView = {
  private_port: number;
  public_port: number | null;
  host_ip: string | null;
  protocol: string;
};

/** This app's workspace the container runs, when its labels say so and the database knows it. */
export type WorkspaceLinkView = { id: string; name: string; owner_id: string; owner_email: string };

export type ProtectionView = { reason: "app" | "proxy" | "label"; message: string };

export type ContainerRowView = {
  id: string;
  name: string;
  image: string;
  state: ContainerState;
  /** The engine's own words: "Up 3 hours", "Exited (0) 2 minutes ago". */
  status: string;
  created_at: string;
  ports: PortView[];
  /** Labelled by this app (its LABEL_PREFIX), whether or not a workspace still claims it. */
  managed: boolean;
  workspace: WorkspaceLinkView | null;
  protected: ProtectionView | null;
};

export type MountView = {
  type: string;
  name: string | null;
  source: string;
  destination: string;
  mode: string;
  read_only: boolean;
};

export type NetworkView = {
  name: string;
  ip_address: string | null;
  ipv6_address: string | null;
  gateway: string | null;
  mac_address: string | null;
  aliases: string[];
};

export type HealthView = { status: string; failing_streak: number; last_output: string | null };

export type ContainerDetailsView = ContainerRowView & {
  command: string[];
  entrypoint: string[];
  working_dir: string;
  user: string;
  hostname: string;
  tty: boolean;
  mounts: MountView[];
  networks: NetworkView[];
  env: EnvEntry[];
  labels: Record<string, string>;
  restart_count: number;
  restart_policy: string;
  started_at: string | null;
  finished_at: string | null;
  exit_code: number | null;
  error: string | null;
  health: HealthView | null;
};

export type ContainersView = { all: boolean; containers: ContainerRowView[] };

export function toState(state: string): ContainerState {
  return (CONTAINER_STATES as readonly string[]).includes(state) ? (state as ContainerState) : "dead";
}

/** Docker's "never" is the zero time. */
export function timeOrNull(value: string | undefined): string | null {
  if (!value || value.startsWith("0001-01-01")) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

export function protectionView(protection: Protection): ProtectionView | null {
  return protection ? { reason: protection.reason, message: protection.message } : null;
}

const asList = (value: string | string[] | null | undefined): string[] =>
  value == null ? [] : Array.isArray(value) ? value : [value];

type ListedPort = { IP?: string; PrivatePort: number; PublicPort?: number; Type: string };

export function listedPorts(ports: readonly ListedPort[] | undefined): PortView[] {
  const seen = new Set<string>();
  const views: PortView[] = [];
  for (const port of ports ?? []) {
    // The engine lists a published port once per address family (0.0.0.0 and ::): one row is enough.
    const key = `${port.PrivatePort}/${port.Type}/${port.PublicPort ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    views.push({
      private_port: port.PrivatePort,
      public_port: port.PublicPort ?? null,
      host_ip: port.IP || null,
      protocol: port.Type,
    });
  }
  return views.sort((a, b) => a.private_port - b.private_port);
}

type InspectedPorts = Record<string, { HostIp: string; HostPort: string }[] | null> | undefined;

export function inspectedPorts(ports: InspectedPorts): PortView[] {
  const listed: ListedPort[] = [];
  for (const [spec, bindings] of Object.entries(ports ?? {})) {
    const [port, protocol = "tcp"] = spec.split("/");
    const privatePort = Number(port);
    if (!bindings?.length) listed.push({ PrivatePort: privatePort, Type: protocol });
    for (const binding of bindings ?? [])
      listed.push({
        PrivatePort: privatePort,
        Type: protocol,
        IP: binding.HostIp,
        PublicPort: Number(binding.HostPort) || undefined,
      });
  }
  return listedPorts(listed);
}

/** "Up 3 minutes"-like words for a container read by inspect (the list's status text is not in it). */
function statusText(inspected: InspectedContainer): string {
  const state = toState(inspected.State.Status);
  if (state === "exited") return `Exited (${inspected.State.ExitCode ?? 0})`;
  return state.charAt(0).toUpperCase() + state.slice(1);
}

export function detailsView(
  inspected: InspectedContainer,
  extra: Pick<ContainerRowView, "managed" | "workspace" | "protected">,
): ContainerDetailsView {
  const state = toState(inspected.State.Status);
  const policy = inspected.HostConfig.RestartPolicy;
  const health = inspected.State.Health;
  const ran = timeOrNull(inspected.State.StartedAt) !== null;
  return {
    id: inspected.Id,
    name: inspected.Name.replace(/^\//, ""),
    image: inspected.Config.Image,
    state,
    status: statusText(inspected),
    created_at: timeOrNull(inspected.Created) ?? new Date(0).toISOString(),
    ports: inspectedPorts(inspected.NetworkSettings.Ports),
    ...extra,
    command: maskArgs(asList(inspected.Config.Cmd)),
    entrypoint: maskArgs(asList(inspected.Config.Entrypoint)),
    working_dir: inspected.Config.WorkingDir ?? "",
    user: inspected.Config.User ?? "",
    hostname: inspected.Config.Hostname ?? "",
    tty: inspected.Config.Tty === true,
    mounts: inspected.Mounts.map((mount) => ({
      type: mount.Type,
      name: mount.Name ?? null,
      source: mount.Source,
      destination: mount.Destination,
      mode: mount.Mode,
      read_only: !mount.RW,
    })),
    networks: Object.entries(inspected.NetworkSettings.Networks ?? {}).map(([name, network]) => ({
      name,
      ip_address: network.IPAddress || null,
      ipv6_address: network.GlobalIPv6Address || null,
      gateway: network.Gateway || null,
      mac_address: network.MacAddress || null,
      aliases: network.Aliases ?? [],
    })),
    env: maskEnv(inspected.Config.Env),
    labels: maskLabels(inspected.Config.Labels),
    restart_count: inspected.RestartCount,
    restart_policy:
      policy?.Name === "on-failure" && policy.MaximumRetryCount
        ? `on-failure:${policy.MaximumRetryCount}`
        : policy?.Name || "no",
    started_at: timeOrNull(inspected.State.StartedAt),
    finished_at: state === "running" ? null : timeOrNull(inspected.State.FinishedAt),
    exit_code: ran && state !== "running" && state !== "created" ? (inspected.State.ExitCode ?? null) : null,
    error: inspected.State.Error || null,
    health: health
      ? {
          status: health.Status,
          failing_streak: health.FailingStreak,
          last_output: maskText(health.Log?.at(-1)?.Output?.trim() ?? "").slice(0, 2000) || null,
        }
      : null,
  };
}
