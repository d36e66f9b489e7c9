// Starts the built app (next start) on a free loopback port with the given settings, and stops it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

// The same standalone server `npm start` runs (built by npm test before the tests).
const SERVER = path.resolve(".next/standalone/server.js");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export type AppServer = {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
  /** Resolves once the server has logged this text (e.g. a fault point's marker). */
  waitForOutput: (text: string, timeoutMs?: number) => Promise<void>;
  /** Resolves with the exit code (null when killed by a signal) once the process has ended. */
  exited: Promise<number | null>;
};

/** options.port: a port chosen beforehand, for settings that must name it (FORWARD_AUTH_URL behind a proxy). */
export async function startAppServer(
  env: Record<string, string>,
  options: { port?: number } = {},
): Promise<AppServer> {
  if (!existsSync(SERVER))
    throw new Error("The app is not built: npm test builds it (scripts/lib/common.sh ensure_build).");
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = "";
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      // As scripts/start.sh: the app's own SIGTERM handler drains requests; Next's stays off.
      NEXT_MANUAL_SIG_HANDLE: "1",
      APP_URL: url,
      ...env,
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`app did not answer within 60 s:\n${output}`);
    if (child.exitCode !== null) throw new Error(`app exited early:\n${output}`);
    // Any answer means the server is up; health may be 503 on purpose (an engine-down test).
    const ok = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // A server still waiting on a wedged engine gets 5 s to finish, then is killed.
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  };
  const waitForOutput = async (text: string, timeoutMs = 10_000) => {
    for (const deadline = Date.now() + timeoutMs; !output.includes(text); ) {
      if (Date.now() > deadline)
        throw new Error(`app did not log "${text}" within ${timeoutMs} ms:\n${output}`);
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`app exited:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return { url, process: child, stop, output: () => output, waitForOutput, exited };
}
