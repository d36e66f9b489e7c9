// Is the Docker Engine there, and which version: used by health checks and tests.
import "server-only";
import { getDocker } from "@/lib/runtime/docker-client";
import { toAppError } from "@/lib/runtime/docker-errors";

export type EngineInfo = { version: string; apiVersion: string; os: string; arch: string };

export async function engineInfo(): Promise<EngineInfo> {
  const docker = getDocker();
  try {
    await docker.ping();
    const version = await docker.version();
    return { version: version.Version, apiVersion: version.ApiVersion, os: version.Os, arch: version.Arch };
  } catch (error) {
    throw toAppError(error, "reach the container engine");
  }
}
