// The lab's only image: FROM scratch around Debian's static busybox (the nodes have no route out, nothing is pulled).
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const LAB_IMAGE = "lab/bb:1";
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
  const tar = path.join(dir, "image.tar");
  await run("docker", [...host(first), "save", "-o", tar, LAB_IMAGE]);
  await Promise.all(others.map((socket) => run("docker", [...host(socket), "load", "-q", "-i", tar])));
}
