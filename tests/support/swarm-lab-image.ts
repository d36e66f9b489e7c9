// The lab's only image: FROM scratch around Debian's static busybox (the nodes have no route out, nothing is pulled).
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const LAB_IMAGE = "lab/bb:1";
/**
 * A workspace image for the app's tests: user 1000 with a home, its data folder /workspace NOT made in the image (so
 * the app must hand a fresh volume's root to the user), and a web server on 8080 serving the whole file system (a test
 * reads a data or secret file at its path). Each start appends to /workspace/starts; the first writes where it ran.
 */
export const LAB_WORKSPACE_IMAGE = "lab/ws:1";
const WORKSPACE_CMD =
  '[ -f /workspace/first ] || hostname > /workspace/first; date >> /workspace/starts; echo "serving on $(hostname)"; exec httpd -f -p 8080 -h /';
const APPLETS = [
  "sh",
  "httpd",
  "nc",
  "sleep",
  "wget",
  "cat",
  "echo",
  "ls",
  "ps",
  "printf",
  "mkdir",
  "hostname",
  "chown",
  "chmod",
  "id",
  "rm",
  "date",
  "true",
  "stat",
];

/** Builds LAB_IMAGE on the first socket (classic builder: no buildx here) and loads it into the others. */
export async function loadLabImage(dir: string, sockets: string[]): Promise<void> {
  const context = path.join(dir, "image");
  const rootfs = path.join(context, "rootfs");
  mkdirSync(path.join(rootfs, "bin"), { recursive: true });
  copyFileSync("/bin/busybox", path.join(rootfs, "bin/busybox"));
  for (const applet of APPLETS) symlinkSync("busybox", path.join(rootfs, "bin", applet));
  mkdirSync(path.join(rootfs, "www"));
  mkdirSync(path.join(rootfs, "tmp"));
  // runc gives a tmpfs the mode of the image's directory: a 0755 /tmp would stay unwritable for a non-root user.
  chmodSync(path.join(rootfs, "tmp"), 0o1777);
  writeFileSync(path.join(context, "Dockerfile"), "FROM scratch\nCOPY rootfs/ /\nENV PATH=/bin\n");
  const [first, ...others] = sockets;
  const host = (socket: string | undefined) => ["-H", `unix://${socket}`];
  const env = { ...process.env, DOCKER_BUILDKIT: "0" };
  await run("docker", [...host(first), "build", "-q", "-t", LAB_IMAGE, context], { env });
  const workspace = path.join(dir, "ws-image");
  mkdirSync(path.join(workspace, "etc"), { recursive: true });
  mkdirSync(path.join(workspace, "home/user"), { recursive: true });
  // A file in /proc has no size, so httpd would send it empty: a CGI script prints the serving process's own instead.
  mkdirSync(path.join(workspace, "cgi-bin"));
  writeFileSync(
    path.join(workspace, "cgi-bin/proc"),
    '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n"\ncase "$QUERY_STRING" in status|mountinfo) cat "/proc/self/$QUERY_STRING";; esac\n',
    { mode: 0o755 },
  );
  writeFileSync(
    path.join(workspace, "etc/passwd"),
    "root:x:0:0:root:/root:/bin/sh\nuser:x:1000:1000::/home/user:/bin/sh\n",
  );
  writeFileSync(path.join(workspace, "etc/group"), "root:x:0:\nuser:x:1000:\n");
  writeFileSync(
    path.join(workspace, "Dockerfile"),
    [
      `FROM ${LAB_IMAGE}`,
      "COPY etc/ /etc/",
      "COPY cgi-bin/ /cgi-bin/",
      "COPY --chown=1000:1000 home/ /home/",
      "USER 1000:1000",
      `CMD ["sh", "-c", ${JSON.stringify(WORKSPACE_CMD)}]`,
      "",
    ].join("\n"),
  );
  await run("docker", [...host(first), "build", "-q", "-t", LAB_WORKSPACE_IMAGE, workspace], { env });
  const tar = path.join(dir, "image.tar");
  await run("docker", [...host(first), "save", "-o", tar, LAB_IMAGE, LAB_WORKSPACE_IMAGE]);
  await Promise.all(others.map((socket) => run("docker", [...host(socket), "load", "-q", "-i", tar])));
}
