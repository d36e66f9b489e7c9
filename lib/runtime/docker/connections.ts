// Open TCP connections to a workload's app ports, read from its own /proc/net/tcp{,6} by an exec: the one signal that
// a WebSocket is still open (forward-auth sees only its upgrade; the proxy keeps the connection while it lives).
// The workload is the user's: the exec gets a PATH of its own (not the workspace's environment), one deadline for
// the whole look, and at most MAX_BYTES of output; a workload that answers nonsense just looks unconnected.
import "server-only";
import { PassThrough } from "node:stream";
import type Docker from "dockerode";
import { dockerCall } from "@/lib/runtime/docker/call";
import { countEstablished } from "@/lib/runtime/tcp-table";

const DEADLINE_MS = 5000;
const MAX_BYTES = 1024 * 1024;
const PATH = "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

/** Established connections whose local port is one of `ports`; null when the workload can't be read (no cat). */
export async function openConnections(docker: Docker, id: string, ports: number[]): Promise<number | null> {
  const deadline = AbortSignal.timeout(DEADLINE_MS);
  const context = "look at a container's connections";
  const exec = await dockerCall(context, () =>
    docker.getContainer(id).exec({
      Cmd: ["cat", "/proc/net/tcp", "/proc/net/tcp6"],
      Env: [PATH],
      AttachStdout: true,
      AttachStderr: true,
      abortSignal: deadline,
    } as Docker.ExecCreateOptions),
  );
  const stream = await dockerCall(context, () =>
    exec.start({ hijack: true, stdin: false, abortSignal: deadline } as Docker.ExecStartOptions),
  );
  const text = await readCapped(docker, stream, deadline);
  const { ExitCode } = await dockerCall(context, () => exec.inspect({ abortSignal: deadline } as object));
  // tcp6 is missing where IPv6 is off: cat says so and exits 1, having printed tcp. Nothing printed: unreadable.
  if (ExitCode !== 0 && !text.includes("local_address")) return null;
  return countEstablished(text, ports);
}

/** The exec's stdout until it ends, the deadline passes or MAX_BYTES came (then the stream is cut). */
function readCapped(docker: Docker, stream: NodeJS.ReadableStream, deadline: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stdout = new PassThrough();
  const cut = () => (stream as unknown as { destroy: () => void }).destroy();
  stdout.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_BYTES) return cut();
    chunks.push(chunk);
  });
  docker.modem.demuxStream(stream, stdout, new PassThrough().resume());
  return new Promise((resolve) => {
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"));
    if (deadline.aborted) {
      cut();
      return done();
    }
    deadline.addEventListener("abort", () => {
      cut();
      done();
    });
    stream.on("end", done);
    stream.on("close", done);
    stream.on("error", done);
  });
}
