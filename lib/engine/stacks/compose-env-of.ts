// The Compose tool's environment from the app's, as a pure function (compose-env.ts feeds it process.env).

/** Passed on as they are: the path, home and locale, and DOCKER_CONFIG (where the v2 plugin is found). */
const PASSED_ON = ["PATH", "HOME", "LANG", "LC_ALL", "TZ", "DOCKER_CONFIG"];
/** Passed on only when the engine is reached over TLS. */
const TLS_SETTINGS = ["DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH"];

/** Whether dockerode (docker-modem) speaks TLS to this tcp address: DOCKER_TLS_VERIFY=1 or port 2376 (or https://). */
function usesTls(url: URL, source: NodeJS.ProcessEnv): boolean {
  return source.DOCKER_TLS_VERIFY === "1" || url.port === "2376" || url.protocol === "https:";
}

/**
 * The tool's environment: PASSED_ON, NODE_ENV (the app's type of an environment has it; Compose reads nothing of
 * it), DOCKER_HOST as dockerode reads it (unix:// as is, http(s):// and tcp:// as tcp://host:port, unset: the
 * default socket) and, for TLS, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH. Never DOCKER_CONTEXT.
 */
export function composeEnvOf(source: NodeJS.ProcessEnv, defaultSocket: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { NODE_ENV: source.NODE_ENV };
  for (const name of PASSED_ON) if (source[name]) env[name] = source[name];
  const host = source.DOCKER_HOST ?? "";
  if (host === "") env.DOCKER_HOST = `unix://${defaultSocket}`;
  else if (host.startsWith("unix://"))
    env.DOCKER_HOST = host.length > "unix://".length ? host : `unix://${defaultSocket}`;
  else {
    const url = new URL(host.includes("//") ? host : `tcp://${host}`);
    env.DOCKER_HOST = `tcp://${url.host}`;
    if (usesTls(url, source)) for (const name of TLS_SETTINGS) if (source[name]) env[name] = source[name];
  }
  return env;
}
