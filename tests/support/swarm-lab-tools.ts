// What the lab needs from the machine: root, iproute2 with netns, util-linux unshare, static busybox, cgroup v1.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const COMMON_SH = new URL("../../scripts/lib/common.sh", import.meta.url).pathname;
// The hierarchies a node's dockerd mounts again, as SWARM-LAB.md lists them (when the host has them).
const HIERARCHIES = ["cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids", "systemd"];
const NOT_SUBSYSTEMS = new Set(["rw", "ro", "relatime", "nosuid", "nodev", "noexec", "xattr", "noprefix"]);

/** The host's cgroup v1 hierarchies under /sys/fs/cgroup: the dir name and the mount options that select it. */
export function hostCgroupMounts(): { dir: string; options: string }[] {
  const mounts: { dir: string; options: string }[] = [];
  for (const line of readFileSync("/proc/mounts", "utf8").split("\n")) {
    const [, target = "", type, options = ""] = line.split(" ");
    const dir = target.replace(/^\/sys\/fs\/cgroup\//, "");
    if (type !== "cgroup" || dir === target || !HIERARCHIES.includes(dir)) continue;
    const selected = options
      .split(",")
      .filter((o) => !NOT_SUBSYSTEMS.has(o) && !o.startsWith("release_agent="));
    const named = selected.every((o) => o.startsWith("name="));
    mounts.push({ dir, options: (named ? ["none", ...selected] : selected).join(",") });
  }
  return mounts;
}

function aptInstall(pkg: string): void {
  execFileSync("bash", ["-c", `. "${COMMON_SH}" && apt_install ${pkg}`], {
    stdio: ["ignore", "inherit", "inherit"],
  });
}

const has = (command: string) => {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
};

/** Installs what apt can (as the test command does) and fails with what is missing otherwise. */
export function ensureSwarmLabTools(): void {
  if (process.getuid?.() !== 0)
    throw new Error("swarm lab: needs root (network namespaces, mounts, dockerd)");
  if (!has("ip")) aptInstall("iproute2");
  if (!existsSync("/bin/busybox")) aptInstall("busybox-static");
  for (const command of ["ip", "unshare", "setsid", "/usr/sbin/dockerd", "docker"]) {
    if (!has(command)) throw new Error(`swarm lab: ${command} is missing (iproute2, util-linux, docker.io)`);
  }
  const mounts = hostCgroupMounts().map((m) => m.dir);
  if (!mounts.includes("memory") || !mounts.includes("devices")) {
    throw new Error(
      "swarm lab: needs cgroup v1 hierarchies under /sys/fs/cgroup (found none for memory, devices)",
    );
  }
}
