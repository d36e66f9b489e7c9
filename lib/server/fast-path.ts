// Forward-auth on the server's fast path: Traefik asks before every request to every workspace app (each asset an
// IDE loads, each WebSocket upgrade), so it is answered here, before Next's router and proxy.ts run — measured on
// the previous version: 190 answers/s through a route handler against 2,250–3,100/s for a static asset. The same
// answer as app/api/forward-auth/route.ts gives (next dev, or a server without this hook), from the same code.
import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { forwardAuth } from "@/lib/forward-auth/forward-auth";

const PATH = "/api/forward-auth";

function isForwardAuth(request: IncomingMessage): boolean {
  const url = request.url ?? "";
  return (
    (url === PATH || url.startsWith(`${PATH}?`)) && (request.method === "GET" || request.method === "HEAD")
  );
}

async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const url = request.url ?? "";
    const at = url.indexOf("?");
    const query = new URLSearchParams(at === -1 ? "" : url.slice(at + 1));
    const result = await forwardAuth({
      header: (name) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value.join(", ") : (value ?? null);
      },
      query,
    });
    response.writeHead(result.status, {
      ...result.headers,
      "content-length": Buffer.byteLength(result.body),
    });
    response.end(request.method === "HEAD" ? undefined : result.body);
  } catch (error) {
    // An engine or database problem: refuse (never let a request through on an error), and say it plainly.
    console.error("[forward-auth] failed:", (error as Error).message);
    const body = JSON.stringify({
      error: { code: "INTERNAL", message: "Access could not be checked. Try again." },
    });
    response.writeHead(503, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    response.end(body);
  }
}

/**
 * The peer's address at the end of X-Forwarded-For, as a proxy appends the address it saw: the last entry is then
 * always one this server saw itself (lib/auth/client-ip.ts counts the trusted proxies from there). Without it, Next
 * would fill the header only when the client sent none, and a client could name its own address.
 */
function appendPeer(request: IncomingMessage): void {
  const peer = request.socket.remoteAddress;
  if (!peer) return;
  const sent = request.headers["x-forwarded-for"];
  const before = Array.isArray(sent) ? sent.join(", ") : sent;
  request.headers["x-forwarded-for"] = before ? `${before}, ${peer}` : peer;
}

const marker = Symbol.for("spawner.fastPath");

/** Answers forward-auth requests of every HTTP server in this process before anything else sees them, and gives
 * every request the peer's address in X-Forwarded-For. */
export function installFastPath(): void {
  const proto = http.Server.prototype as unknown as Record<symbol, boolean> & {
    emit: (...args: unknown[]) => boolean;
  };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: unknown, ...args: unknown[]) {
    if (event === "request") {
      const [request, response] = args as [IncomingMessage, ServerResponse];
      appendPeer(request);
      if (isForwardAuth(request)) {
        void answer(request, response);
        return true;
      }
    }
    return emit.call(this, event, ...args);
  };
}
