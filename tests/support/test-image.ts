// Test images are built FROM scratch around Debian's static busybox: nothing can be pulled here.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const TEST_IMAGE = "spawner-test-httpd:latest";

// The page names the slug and workspace from the env the app sets, so tests can see whose workspace answered
// (containers made before workspaces had only CONTAINER_TYPE, the slot's name).
// (A shell expansion, not a template literal: "$" + "{" keeps the linter from reading it as one.)
const WHO = "$USER_SLUG-$" + "{WORKSPACE_NAME:-$CONTAINER_TYPE}";
const START = [
  "mkdir -p /www",
  // A health path for templates that declare one (the IDE template's /healthz).
  "echo ok > /www/healthz",
  `echo "<!doctype html><title>${WHO}</title><h1>Hello from ${WHO}</h1>" > /www/index.html`,
  `echo "container ${WHO} is up"`,
  "exec /bin/busybox httpd -f -v -p 8080 -h /www",
].join(" && ");

// Runs as a named, unprivileged user with a home, like real templates: the app resolves it from /etc/passwd.
const PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n";
const GROUP = "root:x:0:\napp:x:1000:\n";

// GET /cgi-bin/request answers the Cookie header the workload was sent: a proxy test sees what really arrived.
const REQUEST_ECHO =
  '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n"\necho "cookie: $HTTP_COOKIE"\n';

/** The image without a /workspace folder: a workspace's fresh volume is then root's until the app hands it over. */
export const TEST_IMAGE_WITHOUT_DATA = "spawner-test-httpd:no-data-folder";

/**
 * A busybox httpd as user "app" (uid 1000). Like a well-made template it has its data folder /workspace, owned by
 * its user, unless `dataFolder` is false.
 */
export function buildTestImage(tag = TEST_IMAGE, { dataFolder = true } = {}): string {
  const folders = dataFolder ? "/home/app /www /workspace" : "/home/app /www";
  const dir = mkdtempSync(path.join(tmpdir(), "spawner-image-"));
  try {
    copyFileSync("/bin/busybox", path.join(dir, "busybox"));
    writeFileSync(path.join(dir, "request"), REQUEST_ECHO, { mode: 0o755 });
    writeFileSync(
      path.join(dir, "Dockerfile"),
      [
        "FROM scratch",
        "COPY busybox /bin/busybox",
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        `RUN ["/bin/busybox", "sh", "-c", ${JSON.stringify(
          `mkdir -p /etc && printf '${PASSWD}' > /etc/passwd && printf '${GROUP}' > /etc/group && mkdir -p ${folders} /tmp && chown -R 1000:1000 ${folders} && chmod 1777 /tmp`,
        )}]`,
        "COPY request /www/cgi-bin/request",
        "USER app",
        "EXPOSE 8080",
        `CMD ["/bin/busybox", "sh", "-c", ${JSON.stringify(START)}]`,
        "",
      ].join("\n"),
    );
    execFileSync("docker", ["build", "-q", "-t", tag, dir], { stdio: ["ignore", "ignore", "pipe"] });
    return tag;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Removes every container and volume carrying a label prefix's managed-by label (what a test run made). */
export function removeLabelled(prefix: string): void {
  const ids = execFileSync("docker", ["ps", "-aq", "--filter", `label=${prefix}.managed-by`], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  if (ids.length > 0) execFileSync("docker", ["rm", "-f", ...ids], { stdio: "ignore" });
  const volumes = execFileSync("docker", ["volume", "ls", "-q", "--filter", `label=${prefix}.managed-by`], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  if (volumes.length > 0) execFileSync("docker", ["volume", "rm", "-f", ...volumes], { stdio: "ignore" });
}

export function removeNetwork(name: string): void {
  try {
    execFileSync("docker", ["network", "rm", name], { stdio: "ignore" });
  } catch {
    // Already gone, or still in use by something that is not ours: leave it.
  }
}

export function docker(...args: string[]): string {
  return execFileSync("docker", args, { encoding: "utf8" }).trim();
}
