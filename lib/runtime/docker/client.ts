// The one dockerode client: DOCKER_HOST (or the local socket). Timeouts are per call (see call.ts).
import "server-only";
import Docker from "dockerode";

const globalForDocker = globalThis as unknown as { docker?: Docker };

export function getDocker(): Docker {
  globalForDocker.docker ??= new Docker();
  return globalForDocker.docker;
}
