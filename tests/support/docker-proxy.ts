// A unix-socket proxy to the real Docker Engine that a test can take down and bring back, so "the daemon
// stopped" is tested without stopping the dockerd other work shares. Down: connections cut, socket file gone.
import { rmSync } from "node:fs";
import { connect, createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type DockerProxy = {
  /** DOCKER_HOST value for the app. */
  host: string;
  down: () => Promise<void>;
  up: () => Promise<void>;
};

export async function startDockerProxy(upstream = "/var/run/docker.sock"): Promise<DockerProxy> {
  const socketPath = path.join(tmpdir(), `spawner-proxy-${process.pid}-${Date.now()}.sock`);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const up = async () => {
    rmSync(socketPath, { force: true });
    server = createServer((client) => {
      const engine = connect(upstream);
      track(client);
      track(engine);
      client.on("error", () => engine.destroy());
      engine.on("error", () => client.destroy());
      client.pipe(engine).pipe(client);
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
  await up();
  return { host: `unix://${socketPath}`, down, up };
}
