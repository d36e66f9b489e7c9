// Is the Docker Engine there, and which version: used by health checks and tests.
import "server-only";
import { readFile } from "node:fs/promises";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker/call";
import type { EngineInfo, EngineResources } from "@/lib/runtime/runtime";

export async function engineInfo(docker: Docker): Promise<EngineInfo> {
  // dockerode's version() honours abortSignal; its type definitions don't list the option yet.
  const version = await dockerCall("reach the container engine", (opts) =>
    (docker.version as unknown as (options: object) => Promise<Docker.DockerVersion>).call(docker, opts),
  );
  return { version: version.Version, apiVersion: version.ApiVersion, os: version.Os, arch: version.Arch };
}

/** The engine's CPUs and memory, as `docker info` reports them (NCPU, MemTotal). */
export async function engineResources(docker: Docker): Promise<EngineResources> {
  const info = await dockerCall("read the container engine's resources", (opts) =>
    (docker.info as unknown as (options: object) => Promise<{ NCPU?: number; MemTotal?: number }>).call(
      docker,
      opts,
    ),
  );
  return { cpus: info.NCPU ?? 0, memoryBytes: info.MemTotal ?? 0, freeMemoryBytes: await localFreeMemory() };
}

/**
 * The engine's free memory, when the engine is this machine's (its local socket): MemAvailable of the kernel both
 * share (a container sees the host's /proc/meminfo). The Engine API does not report it; a remote engine: null.
 */
async function localFreeMemory(): Promise<number | null> {
  const host = process.env.DOCKER_HOST ?? "";
  if (host !== "" && !host.startsWith("unix://")) return null;
  const meminfo = await readFile("/proc/meminfo", "utf8").catch(() => "");
  const match = /^MemAvailable:\s+(\d+) kB$/m.exec(meminfo);
  return match ? Number(match[1]) * 1024 : null;
}
