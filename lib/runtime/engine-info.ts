// Is the Docker Engine there, and which version: used by health checks and tests.
import "server-only";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker-call";
import { getDocker } from "@/lib/runtime/docker-client";

export type EngineInfo = { version: string; apiVersion: string; os: string; arch: string };

export async function engineInfo(): Promise<EngineInfo> {
  // dockerode's version() honours abortSignal; its type definitions don't list the option yet.
  const version = await dockerCall("reach the container engine", (opts) =>
    (getDocker().version as unknown as (options: object) => Promise<Docker.DockerVersion>).call(
      getDocker(),
      opts,
    ),
  );
  return { version: version.Version, apiVersion: version.ApiVersion, os: version.Os, arch: version.Arch };
}
