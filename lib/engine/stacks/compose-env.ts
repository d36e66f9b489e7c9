// What the Compose tool runs with: how to reach the engine and where its plugins live, nothing else of the app's
// (no AUTH_SECRET, no DATABASE_URL). A ${VAR} in a stack's file so reads nothing of the app's either.
import "server-only";
import { getEnv } from "@/lib/env";

const PASSED_ON = [
  "PATH",
  "HOME",
  "LANG",
  "LC_ALL",
  "TZ",
  "DOCKER_TLS_VERIFY",
  "DOCKER_CERT_PATH",
  "DOCKER_CONFIG",
  "DOCKER_CONTEXT",
];

export function composeEnv(): NodeJS.ProcessEnv {
  // NODE_ENV only because the app's type of an environment has it; Compose reads nothing of it.
  const env: NodeJS.ProcessEnv = { NODE_ENV: process.env.NODE_ENV };
  for (const name of PASSED_ON) if (process.env[name]) env[name] = process.env[name];
  const host = getEnv().DOCKER_HOST;
  // dockerode takes http://host:2375 (a socket proxy); the Docker CLI and Compose name the same address tcp://.
  if (host) env.DOCKER_HOST = host.replace(/^http:\/\//, "tcp://");
  return env;
}
