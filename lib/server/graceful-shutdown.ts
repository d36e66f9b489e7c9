// SIGTERM / SIGINT: stop taking connections, end long-lived work, let in-flight requests finish for up to
// drainMs, then exit 0 (1 when some did not finish). Next.js' own handler must be off (NEXT_MANUAL_SIG_HANDLE=1):
// it would wait forever on open event streams and exit 143.
import { subscribe } from "node:diagnostics_channel";
import http, { type Server, type ServerResponse } from "node:http";
import https from "node:https";

export type ShutdownOptions = {
  drainMs: number;
  /** Runs first: stop background work and end streams, so only ordinary requests are left to drain. */
  stopWork: () => void;
  /** Runs once drained (or out of time), right before exit. */
  release: () => Promise<void>;
  log?: (message: string) => void;
};

// Node publishes every incoming request here (stable since Node 18): how we find Next's server and what is open.
const servers = new Set<Server>();
const open = new Set<ServerResponse>();
const idleWaiters = new Set<() => void>();

function trackRequests(): void {
  subscribe("http.server.request.start", (message) => {
    const { server, response } = message as { server: Server; response: ServerResponse };
    servers.add(server);
    open.add(response);
    // "close" fires for finished and for abandoned responses alike.
    response.once("close", () => {
      open.delete(response);
      if (open.size === 0) for (const wake of idleWaiters) wake();
    });
  });
}

function drained(withinMs: number): Promise<boolean> {
  if (open.size === 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (result: boolean) => {
      clearTimeout(timer);
      idleWaiters.delete(wake);
      resolve(result);
    };
    const wake = () => done(true);
    const timer = setTimeout(() => done(false), withinMs);
    idleWaiters.add(wake);
  });
}

/** Idle keep-alive sockets (dockerode's to the engine among them) would otherwise linger until exit. */
function closeIdleSockets(): void {
  for (const agent of [http.globalAgent, https.globalAgent]) {
    for (const sockets of Object.values(agent.freeSockets))
      for (const socket of sockets ?? []) socket.destroy();
  }
}

export function installGracefulShutdown(options: ShutdownOptions): void {
  const log = options.log ?? ((message: string) => console.info(`[spawner] ${message}`));
  trackRequests();
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    for (const server of servers) server.close();
    options.stopWork();
    closeIdleSockets();
    log(`${signal}: finishing ${open.size} open request(s), up to ${options.drainMs} ms`);
    const finished = await drained(options.drainMs);
    if (!finished) log(`${open.size} request(s) still open after ${options.drainMs} ms; exiting anyway`);
    closeIdleSockets();
    await options.release().catch(() => {});
    log("stopped");
    process.exit(finished ? 0 : 1);
  };
  // once: a second signal gets Node's default and ends the process at once (an impatient Ctrl+C).
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}
