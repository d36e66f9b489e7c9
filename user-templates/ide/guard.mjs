// Spawner's guard in front of code-server. Workspaces share one Docker network, so another workspace could reach this
// container's port directly, past Traefik and forward-auth — and code-server runs without a password (it is a
// shell). Behind Traefik the app gives the container WORKSPACE_ACCESS_TOKEN, and forward-auth's answer puts the same
// value on every request it lets in (X-Spawner-Access, which Traefik sets, replacing a client's). Requests without
// it get 403; only /healthz is open, for the app's readiness probe (which goes straight to the port). Without the
// variable (local mode: a loopback port, nothing in front) it passes everything on.
//
//   node guard.mjs LISTEN_PORT UPSTREAM_PORT -- command args...   (runs the command; exits when it does)
import { spawn } from "node:child_process";
import { createHash, timingSafeEqual } from "node:crypto";
import http from "node:http";
import net from "node:net";

const [listenPort, upstreamPort, separator, command, ...args] = process.argv.slice(2);
if (separator !== "--" || !command) {
  console.error("usage: guard.mjs LISTEN_PORT UPSTREAM_PORT -- command args...");
  process.exit(2);
}
const token = process.env.WORKSPACE_ACCESS_TOKEN ?? "";
const HEADER = "x-spawner-access";
const digest = (value) => createHash("sha256").update(value).digest();

function allowed(request) {
  if (!token) return true;
  if ((request.method === "GET" || request.method === "HEAD") && request.url === "/healthz") return true;
  const sent = request.headers[HEADER];
  // Compared as digests: constant time, whatever the length sent.
  return typeof sent === "string" && timingSafeEqual(digest(sent), digest(token));
}

function refuse(response) {
  response.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
  response.end("This workspace opens only through Spawner.\n");
}

const server = http.createServer((request, response) => {
  if (!allowed(request)) return refuse(response);
  const headers = { ...request.headers };
  delete headers[HEADER];
  const upstream = http.request(
    { host: "127.0.0.1", port: upstreamPort, method: request.method, path: request.url, headers },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  upstream.on("error", () => {
    if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
    response.end("The IDE is not answering yet.\n");
  });
  request.pipe(upstream);
});

// WebSockets (the editor's connection, terminals): the same check, then a raw tunnel.
server.on("upgrade", (request, socket, head) => {
  if (!allowed(request)) {
    socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    return;
  }
  const upstream = net.connect(Number(upstreamPort), "127.0.0.1", () => {
    const lines = [`${request.method} ${request.url} HTTP/1.1`];
    for (let i = 0; i < request.rawHeaders.length; i += 2)
      if (request.rawHeaders[i].toLowerCase() !== HEADER)
        lines.push(`${request.rawHeaders[i]}: ${request.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    socket.pipe(upstream).pipe(socket);
  });
  upstream.on("error", () => socket.destroy());
  socket.on("error", () => upstream.destroy());
});

// The command (code-server) runs without the token: nothing in the workspace needs it.
const env = { ...process.env };
delete env.WORKSPACE_ACCESS_TOKEN;
const child = spawn(command, args, { stdio: "inherit", env });
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  server.close();
  process.exit(code ?? (signal ? 1 : 0));
});
server.listen(Number(listenPort), "0.0.0.0");
