// A WebSocket client's opening handshake over a plain socket (Node 20 has no WebSocket): resolves once the server
// answered 101 with the right accept key, and holds the connection open until close() — as a browser tab does.
import { createHash, randomBytes } from "node:crypto";
import net from "node:net";

export type OpenWebSocket = { close: () => void };

export function openWebSocket(url: string, timeoutMs = 5000): Promise<OpenWebSocket> {
  const target = new URL(url);
  const key = randomBytes(16).toString("base64");
  const accept = createHash("sha1").update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest("base64");
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(target.port || 80), target.hostname);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no WebSocket handshake from ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    let answer = "";
    socket.on("connect", () =>
      socket.write(
        [
          `GET ${target.pathname}${target.search} HTTP/1.1`,
          `Host: ${target.host}`,
          "Upgrade: websocket",
          "Connection: Upgrade",
          `Sec-WebSocket-Key: ${key}`,
          "Sec-WebSocket-Version: 13",
          "",
          "",
        ].join("\r\n"),
      ),
    );
    socket.on("data", (chunk) => {
      answer += chunk.toString("latin1");
      if (!answer.includes("\r\n\r\n")) return;
      clearTimeout(timer);
      const ok = /^HTTP\/1\.1 101/.test(answer) && answer.includes(`Sec-WebSocket-Accept: ${accept}`);
      if (!ok) {
        socket.destroy();
        reject(new Error(`not a WebSocket handshake: ${answer.split("\r\n")[0]}`));
        return;
      }
      resolve({ close: () => socket.destroy() });
    });
    socket.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
