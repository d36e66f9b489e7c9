// A stand-in for Traefik in front of the app and its workspaces (Traefik can't be had here): HTTPS, routing by Host
// — the app's host to the app, workspace hosts to the routers the app's labels on the real engine describe — with
// the forwardAuth and headers middlewares applied the way Traefik v3 applies them (pkg/middlewares/auth/forward.go),
// WebSocket upgrades included. Every request is recorded, so a test can see what forward-auth decided.
import http, { type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from "node:http";
import https from "node:https";
import net, { type AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import Docker from "dockerode";
import { selfSignedCert } from "./self-signed-cert";
import { type ForwardAuth, type Middleware, type Router, readRouters } from "./traefik-routes";

export type ProxyEvent = { host: string; url: string; upgrade: boolean; auth: number | null };
export type ProxyAnswer = { status: number; headers: IncomingHttpHeaders; body: string };
export type WorkspaceProxy = {
  port: number;
  events: ProxyEvent[];
  /** One request through the proxy as a client elsewhere would send it (no redirects followed). */
  request: (url: string, headers?: Record<string, string>) => Promise<ProxyAnswer>;
  /** Chromium switches that send these hosts (and the app's and workspaces') here, trusting the certificate. */
  chromiumArgs: (extraHosts?: string[]) => string[];
  close: () => Promise<void>;
};
type Target = { address: string; port: number };
type AuthAnswer = { status: number; headers: IncomingHttpHeaders; body: Buffer };
type Modify = (headers: IncomingHttpHeaders) => void;

// Hop-by-hop headers Traefik drops before asking forward-auth: a WebSocket handshake reaches it without Upgrade
// and Connection, but with its Sec-WebSocket-Key.
const AUTH_HOP = ["connection", "keep-alive", "te", "trailers", "transfer-encoding", "upgrade"];
const RESPONSE_HOP = ["connection", "keep-alive", "transfer-encoding"];

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value.join(", ") : value);
const hostOf = (req: IncomingMessage) => (req.headers.host ?? "").toLowerCase().replace(/:\d+$/, "");
const without = (headers: IncomingHttpHeaders, names: string[]) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !names.includes(name)));
const cookieName = (setCookie: string) => setCookie.slice(0, setCookie.indexOf("=")).trim();

/** What the entrypoint passes on: a client's own X-Forwarded-* are not trusted, Traefik's replace them. */
function forwarded(req: IncomingMessage, extra: Record<string, string> = {}): IncomingHttpHeaders {
  const headers = Object.fromEntries(
    Object.entries(req.headers).filter(([name]) => !name.startsWith("x-forwarded-") && name !== "x-real-ip"),
  );
  return {
    ...headers,
    "x-forwarded-for": req.socket.remoteAddress ?? "",
    "x-forwarded-proto": "https",
    "x-forwarded-host": req.headers.host ?? "",
    "x-forwarded-port": "443",
    "x-real-ip": req.socket.remoteAddress ?? "",
    ...extra,
  };
}

function ask(middleware: ForwardAuth, req: IncomingMessage): Promise<AuthAnswer> {
  const named = (one(req.headers.connection) ?? "").split(",").map((name) => name.trim().toLowerCase());
  const headers = without(forwarded(req, { "x-forwarded-method": req.method ?? "GET" }), [
    ...AUTH_HOP,
    ...named,
    "host",
    "content-length",
    "x-forwarded-port",
    "x-real-ip",
  ]);
  headers["x-forwarded-uri"] = req.url ?? "/";
  const client = middleware.address.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(middleware.address, { headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on("data", (chunk: Buffer) => chunks.push(chunk));
      answer.on("end", () =>
        resolve({ status: answer.statusCode ?? 500, headers: answer.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on("error", reject);
  });
}

/** Forward-auth's refusal as the client gets it. Without preserveLocationHeader (v3.4+; off by default) Traefik
 * resolves a relative Location against the forward-auth address, as Go's Response.Location() does. */
function refusal(answer: AuthAnswer, address: string): { status: number; headers: OutgoingHttpHeaders } {
  const headers: OutgoingHttpHeaders = without(answer.headers, AUTH_HOP);
  if (answer.headers.location) headers.location = new URL(answer.headers.location, address).toString();
  return { status: answer.status, headers };
}

/** A headers middleware's custom headers: an empty value removes the header. */
function setHeaders(headers: IncomingHttpHeaders, custom: Record<string, string>): void {
  for (const [name, value] of Object.entries(custom)) {
    if (value === "") delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
}

type Passed =
  | { request: IncomingHttpHeaders; modifiers: Modify[] }
  | { refused: AuthAnswer; address: string };

/** Runs a router's middlewares in order: forwardAuth may refuse; both kinds may change request and response. */
async function applyMiddlewares(chain: Middleware[], req: IncomingMessage): Promise<Passed> {
  const request = forwarded(req);
  const modifiers: Modify[] = [];
  for (const middleware of chain) {
    if (middleware.kind === "headers") {
      setHeaders(request, middleware.request);
      modifiers.unshift((headers) => setHeaders(headers, middleware.response));
      continue;
    }
    const answer = await ask(middleware, req);
    if (answer.status < 200 || answer.status >= 300) return { refused: answer, address: middleware.address };
    for (const name of middleware.authResponseHeaders) {
      delete request[name.toLowerCase()];
      if (answer.headers[name.toLowerCase()])
        request[name.toLowerCase()] = answer.headers[name.toLowerCase()];
    }
    // addAuthCookiesToResponse: when forward-auth sets cookies, the named ones replace the workload's own.
    const cookies = answer.headers["set-cookie"] ?? [];
    const keep = new Set(middleware.addAuthCookiesToResponse);
    if (cookies.length > 0)
      modifiers.unshift((headers) => {
        const own = (headers["set-cookie"] ?? []).filter((cookie) => !keep.has(cookieName(cookie)));
        headers["set-cookie"] = [...own, ...cookies.filter((cookie) => keep.has(cookieName(cookie)))];
      });
  }
  return { request, modifiers };
}

export async function startWorkspaceProxy(options: {
  appHost: string;
  app: Target;
  domain: string;
  labelPrefix: string;
}): Promise<WorkspaceProxy> {
  const docker = new Docker();
  const events: ProxyEvent[] = [];
  let routes: { at: number; table: Promise<Map<string, Router>> } | null = null;
  // Traefik follows the engine's events; re-reading the labels at most twice a second is as good for a test.
  const routerFor = async (host: string) => {
    if (!routes || Date.now() - routes.at > 500)
      routes = { at: Date.now(), table: readRouters(docker, options.labelPrefix) };
    return (await routes.table).get(host) ?? null;
  };

  async function route(req: IncomingMessage, upgrade: boolean) {
    const host = hostOf(req);
    const event: ProxyEvent = { host, url: req.url ?? "/", upgrade, auth: null };
    events.push(event);
    if (host === options.appHost)
      return { target: options.app, passed: { request: forwarded(req), modifiers: [] } };
    const router = await routerFor(host);
    if (!router) return null;
    const passed = await applyMiddlewares(router.middlewares, req);
    event.auth = "refused" in passed ? passed.refused.status : 200;
    return { target: router.upstream, passed };
  }

  const { key, cert } = selfSignedCert([options.appHost, `*.${options.domain}`]);
  const server = https.createServer({ key, cert }, async (req, res) => {
    try {
      const routed = await route(req, false);
      if (!routed)
        return res.writeHead(404, { "content-type": "text/plain" }).end(`no route for ${hostOf(req)}`);
      const { target, passed } = routed;
      if ("refused" in passed) {
        const { status, headers } = refusal(passed.refused, passed.address);
        return res.writeHead(status, headers).end(passed.refused.body);
      }
      // Not an upgrade: hop-by-hop headers stay on this hop (Go's ReverseProxy drops them).
      const headers = without(passed.request, [...AUTH_HOP, "proxy-connection"]);
      const upstream = http.request(
        { host: target.address, port: target.port, method: req.method, path: req.url, headers },
        (answer) => {
          const headers = without(answer.headers, RESPONSE_HOP);
          for (const modify of passed.modifiers) modify(headers);
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", (error) => res.headersSent || res.writeHead(502).end(error.message));
      req.pipe(upstream);
    } catch (error) {
      if (!res.headersSent)
        res.writeHead(500, { "content-type": "text/plain" }).end((error as Error).message);
    }
  });

  // Upgraded sockets leave the server's bookkeeping: closing the proxy must end them itself.
  const tunnels = new Set<Duplex>();
  server.on("upgrade", async (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    tunnels.add(socket);
    socket.on("close", () => tunnels.delete(socket));
    socket.on("error", () => socket.destroy());
    const raw = (status: number, headers: OutgoingHttpHeaders, body: Buffer | string = "") => {
      const lines = Object.entries(headers).flatMap(([name, value]) =>
        [value ?? []].flat().map((item) => `${name}: ${item}`),
      );
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ""}\r\n${lines.join("\r\n")}\r\n\r\n${body}`,
      );
    };
    try {
      const routed = await route(req, true);
      if (!routed) return raw(404, { "content-length": 0 });
      const { target, passed } = routed;
      if ("refused" in passed) {
        const { status, headers } = refusal(passed.refused, passed.address);
        return raw(status, headers, passed.refused.body);
      }
      // A tunnel from here on: the workload answers 101 itself and both sides talk WebSocket frames.
      const upstream = net.connect(target.port, target.address, () => {
        const lines = Object.entries(passed.request).flatMap(([name, value]) =>
          [value ?? []].flat().map((item) => `${name}: ${item}`),
        );
        upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n`);
        upstream.write(head);
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on("error", () => socket.destroy());
      socket.on("close", () => upstream.destroy());
    } catch (error) {
      raw(500, { "content-type": "text/plain" }, (error as Error).message);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const request = (url: string, headers: Record<string, string> = {}) =>
    new Promise<ProxyAnswer>((resolve, reject) => {
      const target = new URL(url);
      const sent = https.get(
        {
          host: "127.0.0.1",
          port,
          path: `${target.pathname}${target.search}`,
          headers: { ...headers, host: target.host },
          servername: target.hostname,
          // The proxy's own throwaway certificate.
          rejectUnauthorized: false,
        },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("end", () =>
            resolve({
              status: answer.statusCode ?? 0,
              headers: answer.headers,
              body: Buffer.concat(chunks).toString(),
            }),
          );
        },
      );
      sent.on("error", reject);
    });
  return {
    port,
    events,
    request,
    chromiumArgs: (extraHosts = []) => [
      `--host-resolver-rules=${[options.appHost, `*.${options.domain}`, ...extraHosts]
        .map((host) => `MAP ${host} 127.0.0.1:${port}`)
        .join(", ")}`,
      "--ignore-certificate-errors",
    ],
    close: () =>
      new Promise((resolve) => {
        for (const socket of tunnels) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
