// Every host-visible name of a Swarm lab comes from its prefix, so two labs (or a crashed run's leftovers) never collide.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";

export const NODE_COUNT = 3;

export type LabNames = {
  prefix: string;
  /** Temp dir holding every node's config, data, exec root, socket and log. */
  dir: string;
  /** Network namespace holding the lab bridge (the host's FORWARD policy is DROP under its own dockerd). */
  hub: string;
  netns: string[];
  hostnames: string[];
  /** Cgroup parent of each node's containers (a directory in every v1 hierarchy). */
  cgroupParents: string[];
  /** The host leg's veth in the root namespace: at most 15 characters, so a hash of the prefix. */
  hostVeth: string;
};

export function labNames(prefix: string): LabNames {
  if (!/^[a-z0-9][a-z0-9-]{0,29}$/.test(prefix)) {
    throw new Error(`swarm lab prefix "${prefix}": use 1-30 of a-z, 0-9 and "-"`);
  }
  const tag = createHash("sha256").update(prefix).digest("hex").slice(0, 8);
  const nodes = Array.from({ length: NODE_COUNT }, (_, i) => i + 1);
  return {
    prefix,
    dir: path.join(tmpdir(), `${prefix}-swarm-lab`),
    hub: `${prefix}-hub`,
    netns: nodes.map((i) => `${prefix}-n${i}`),
    hostnames: nodes.map((i) => `node${i}`),
    cgroupParents: nodes.map((i) => `/${prefix}-n${i}`),
    hostVeth: `swl${tag}`,
  };
}

const ipToInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);

function overlaps(a: string, b: string): boolean {
  const [ipA = "", lenA = "32"] = a.split("/");
  const [ipB = "", lenB = "32"] = b.split("/");
  const len = Math.min(Number(lenA), Number(lenB));
  const block = 2 ** (32 - len);
  return Math.floor(ipToInt(ipA) / block) === Math.floor(ipToInt(ipB) / block);
}

/** Every IPv4 destination and address the host knows (all routing tables), as CIDRs; the default route is left out. */
function hostNetworks(): string[] {
  const routes = execFileSync("ip", ["-4", "-o", "route", "show", "table", "all"], { encoding: "utf8" });
  const addresses = execFileSync("ip", ["-4", "-o", "addr", "show"], { encoding: "utf8" });
  const cidrs = [...routes.matchAll(/^(?:\w+ )?(\d+\.\d+\.\d+\.\d+(?:\/\d+)?)/gm)].map((m) => m[1] ?? "");
  const own = [...addresses.matchAll(/inet (\d+\.\d+\.\d+\.\d+\/\d+)/g)].map((m) => m[1] ?? "");
  return [...cidrs, ...own].filter(Boolean);
}

/** The lab's /24: 10.77.N.0/24 with N from the prefix, moved on while it overlaps a route or address of the host. */
export function pickLabSubnet(prefix: string): string {
  const taken = hostNetworks();
  const start = createHash("sha256").update(prefix).digest()[0] ?? 0;
  for (let step = 0; step < 256; step++) {
    const subnet = `10.77.${(start + step) % 256}.0/24`;
    if (!taken.some((cidr) => overlaps(cidr, subnet))) return subnet;
  }
  throw new Error("swarm lab: every 10.77.N.0/24 overlaps a route of this host");
}

/** 10.77.N.1 for the host, 10.77.N.11.. for the nodes. */
export function labAddresses(subnet: string): { host: string; nodes: string[] } {
  const base = subnet.replace(/\.0\/24$/, "");
  return { host: `${base}.1`, nodes: Array.from({ length: NODE_COUNT }, (_, i) => `${base}.${11 + i}`) };
}

// Swarm's overlay subnets live inside the nodes' namespaces only; this pool just must not meet the lab's /24.
export const DEFAULT_ADDR_POOL = "10.200.0.0/16";
