// The one dockerode client: DOCKER_HOST (or the local socket), with a timeout on every call.
import "server-only";
import Docker from "dockerode";

/** Per-request timeout; keeps an unreachable or hung engine from hanging a user's request. */
export const DOCKER_TIMEOUT_MS = Number(process.env.DOCKER_TIMEOUT_MS) || 4_000;

const globalForDocker = globalThis as unknown as { docker?: Docker };

export function getDocker(): Docker {
  globalForDocker.docker ??= new Docker({ timeout: DOCKER_TIMEOUT_MS });
  return globalForDocker.docker;
}
