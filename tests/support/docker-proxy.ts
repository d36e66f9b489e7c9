// A unix-socket proxy to the real Docker Engine. A test can take it down and bring it back, so "the daemon
// stopped" is tested without stopping the dockerd other work shares (down: connections cut, socket file gone),
// and it can ask which requests are open right now, so a stream left behind is seen by what it is, not by a socket
// count that idle keep-alive connections blur.
import { rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type DockerProxy = {
  /** DOCKER_HOST value for the app. */
  host: string;
  down: () => Promise<void>;
  up: () => Promise<void>;
  /** Request lines ("GET /v1.41/events?…") of connections still open whose latest request matches. */
  openRequests: (match: RegExp) => string[];
};

// A request line at the start of a chunk or after a newline: "GET /containers/json HTTP/1.1".
const REQUEST_LINE = /(?:^|\r\n)((?:GET|HEAD|POST|PUT|DELETE) \S+) HTTP\/1\.[01]\r\n/g;

/** `refuse`: requests whose request line matches are answered 500 by the proxy (an engine call failing), not sent on. */
export async function startDockerProxy(
  upstream = "/var/run/docker.sock",
  { refuse }: { refuse?: RegExp } = {},
): Promise<DockerProxy> {
  const socketPath = path.join(tmpdir(), `spawner-proxy-${process.pid}-${Date.now()}.sock`);
  const sockets = new Set<Socket>();
  // Per open client connection: the last request line it sent (a connection carries one request at a time).
  const lastRequest = new Map<Socket, string>();
  let server: Server | undefined;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      lastRequest.delete(socket);
    });
  };
  const up = async () => {
    rmSync(socketPath, { force: true });
    server = createServer((client) => {
      const engine = connect(upstream);
      track(client);
      track(engine);
      client.on("error", () => engine.destroy());
      engine.on("error", () => client.destroy());
      client.on("data", (chunk: Buffer) => {
        for (const match of chunk.toString("latin1").matchAll(REQUEST_LINE))
          if (match[1]) lastRequest.set(client, match[1]);
      });
      if (!refuse) {
        client.pipe(engine).pipe(client);
        return;
      }
      engine.pipe(client);
      client.on("end", () => engine.end());
      client.on("data", (chunk: Buffer) => {
        const line = REQUEST_LINE.exec(chunk.toString("latin1"))?.[1];
        REQUEST_LINE.lastIndex = 0;
        if (!line || !refuse.test(line)) return void engine.write(chunk);
        const body = JSON.stringify({ message: "refused by the test proxy" });
        client.end(
          `HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
        );
        engine.destroy();
      });
    });
    const listening = server;
    await new Promise<void>((resolve) => listening.listen(socketPath, resolve));
  };
  const down = async () => {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    rmSync(socketPath, { force: true });
  };
  const openRequests = (match: RegExp) => [...lastRequest.values()].filter((line) => match.test(line));
  await up();
  return { host: `unix://${socketPath}`, down, up, openRequests };
}
