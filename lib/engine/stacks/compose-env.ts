// What the Compose tool runs with: the engine dockerode talks to, and where its plugins live; nothing else of the
// app's (no AUTH_SECRET, no DATABASE_URL), so a ${VAR} in a stack's file reads none of it. DOCKER_HOST is always
// set, to dockerode's own address: with it the Docker CLI and Compose ignore any context (DOCKER_CONTEXT, or a
// config.json's currentContext), which could point them at another engine.
import "server-only";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { composeEnvOf } from "@/lib/engine/stacks/compose-env-of";

/** The socket dockerode uses without DOCKER_HOST (docker-modem: ~/.docker/run/docker.sock if there, else the system's). */
function defaultSocket(): string {
  const user = path.join(homedir(), ".docker", "run", "docker.sock");
  return existsSync(user) ? user : "/var/run/docker.sock";
}

export function composeEnv(): NodeJS.ProcessEnv {
  return composeEnvOf(process.env, defaultSocket());
}
