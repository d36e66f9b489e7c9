// Tears a Swarm lab down from its names alone, so it also clears what a crashed or killed run left behind.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { type LabNames, labNames } from "./swarm-lab-names";

const CGROUP_ROOT = "/sys/fs/cgroup";
const SHIM_SOCKETS = "/run/containerd/s";
/** Shim sockets that existed before the lab started (written at start): only newer dead ones are the lab's. */
export const SHIM_SNAPSHOT = "shim-sockets-before.json";

function ip(...args: string[]): string {
  try {
    return execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch {
    return "";
  }
}

const read = (file: string) => {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/** Live (not zombie) pids whose command line names the lab dir: dockerd, containerd, shims. */
function pidsNamingDir(dir: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    if (read(`/proc/${entry}/cmdline`).replaceAll("\0", " ").includes(dir)) pids.push(Number(entry));
  }
  return pids;
}

/** The node cgroup dirs (containers' cgroup parents) in every v1 hierarchy, deepest first. */
function cgroupDirs(names: LabNames): string[] {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
    }
    dirs.push(dir);
  };
  const hierarchies = existsSync(CGROUP_ROOT) ? readdirSync(CGROUP_ROOT) : [];
  for (const hierarchy of hierarchies) {
    for (const parent of names.cgroupParents) {
      const dir = path.join(CGROUP_ROOT, hierarchy, parent);
      if (existsSync(dir)) walk(dir);
    }
  }
  return dirs;
}

/** Every process of the lab: named by its dir, inside a node's network namespace, or in a node's cgroups. */
function labPids(names: LabNames): number[] {
  const pids = new Set(pidsNamingDir(names.dir));
  for (const ns of [...names.netns, names.hub]) {
    for (const pid of ip("netns", "pids", ns).split("\n").filter(Boolean)) pids.add(Number(pid));
  }
  for (const dir of cgroupDirs(names)) {
    for (const pid of read(path.join(dir, "cgroup.procs")).split("\n").filter(Boolean)) pids.add(Number(pid));
  }
  pids.delete(process.pid);
  return [...pids].filter((pid) => !read(`/proc/${pid}/stat`).match(/^\d+ \(.*\) Z/));
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// A killed task can keep its cgroup busy for a moment after it is gone from cgroup.procs.
function removeCgroup(dir: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      rmdirSync(dir);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      if (attempt >= 40) throw error;
      pause(50);
    }
  }
}

function killAll(names: LabNames): void {
  for (let round = 0, deadline = Date.now() + 20_000; ; round++) {
    const pids = labPids(names);
    if (pids.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`swarm lab ${names.prefix}: processes survive SIGKILL: ${pids}`);
    for (const pid of pids) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // Gone already.
      }
    }
    // Sleeps without an event loop turn: teardown is also called from a synchronous exit path.
    pause(round < 5 ? 50 : 200);
  }
}

/** Paths of unix sockets some live process listens on: the host's and every live shim's network namespace. */
function listeningSockets(): Set<string> {
  const tables = [read("/proc/net/unix")];
  for (const entry of readdirSync("/proc")) {
    if (/^\d+$/.test(entry) && read(`/proc/${entry}/comm`).startsWith("containerd-shim")) {
      tables.push(read(`/proc/${entry}/net/unix`));
    }
  }
  return new Set(tables.flatMap((t) => t.split("\n").map((line) => line.split(/\s+/)[7] ?? "")));
}

// Killed shims leave their sockets in the host's /run/containerd/s, not under the lab's exec root.
function removeDeadShimSockets(names: LabNames): void {
  if (!existsSync(SHIM_SOCKETS)) return;
  let before: string[];
  try {
    before = JSON.parse(readFileSync(path.join(names.dir, SHIM_SNAPSHOT), "utf8"));
  } catch {
    return; // Without the snapshot we can't tell the lab's sockets from anyone else's: leave them.
  }
  const live = listeningSockets();
  for (const socket of readdirSync(SHIM_SOCKETS)) {
    const file = path.join(SHIM_SOCKETS, socket);
    if (!before.includes(socket) && !live.has(file)) unlinkSync(file);
  }
}

/** What of the lab is still there, in words; [] when nothing is. */
export function swarmLabLeftovers(prefix: string): string[] {
  const names = labNames(prefix);
  const left: string[] = [];
  const ours = [...names.netns, names.hub];
  const netns = ip("netns", "list")
    .split("\n")
    .filter((line) => ours.includes(line.split(" ")[0] ?? ""));
  if (netns.length > 0) left.push(`network namespaces: ${netns.join(", ")}`);
  if (ip("link", "show", names.hostVeth)) left.push(`host veth ${names.hostVeth}`);
  const pids = labPids(names);
  if (pids.length > 0) left.push(`processes: ${pids.join(", ")}`);
  const mounts = read("/proc/self/mountinfo")
    .split("\n")
    .filter((line) => line.includes(names.dir));
  if (mounts.length > 0) left.push(`mounts: ${mounts.length}`);
  const cgroups = cgroupDirs(names);
  if (cgroups.length > 0) left.push(`cgroups: ${cgroups.join(", ")}`);
  if (existsSync(names.dir)) left.push(`temp dir ${names.dir}`);
  return left;
}

/** Removes everything a lab with this prefix made (idempotent): processes, cgroups, veth, namespaces, mounts, dir. */
export function cleanUpSwarmLabs(prefix: string): void {
  const names = labNames(prefix);
  killAll(names);
  for (const dir of cgroupDirs(names)) removeCgroup(dir);
  if (ip("link", "show", names.hostVeth)) ip("link", "del", names.hostVeth);
  for (const ns of [...names.netns, names.hub]) {
    if (existsSync(`/run/netns/${ns}`)) ip("netns", "del", ns);
  }
  // `ip netns add` made /run/netns a mount point; it goes once no lab (or anyone) has a namespace there.
  if (existsSync("/run/netns") && readdirSync("/run/netns").length === 0) {
    try {
      execFileSync("umount", ["/run/netns"], { stdio: "ignore" });
    } catch {
      // Not a mount point.
    }
    try {
      rmdirSync("/run/netns");
    } catch {
      // Someone made a namespace there meanwhile.
    }
  }
  // Mounts die with the nodes' private mount namespaces; one that leaked into the host's is detached here.
  for (const line of read("/proc/self/mountinfo").split("\n").reverse()) {
    const target = line.split(" ")[4];
    if (target?.startsWith(names.dir)) execFileSync("umount", ["-l", target], { stdio: "ignore" });
  }
  removeDeadShimSockets(names);
  if (existsSync(names.dir) && statSync(names.dir).isDirectory())
    rmSync(names.dir, { recursive: true, force: true });
  const left = swarmLabLeftovers(prefix);
  if (left.length > 0) throw new Error(`swarm lab ${prefix} could not be cleaned up: ${left.join("; ")}`);
}
