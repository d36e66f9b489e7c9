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
  // A second app on 8081: a WebSocket endpoint (one shell per connection), for idle-shutdown tests.
  "(nc -ll -p 8081 -e /bin/websocket &)",
  "exec /bin/busybox httpd -f -v -p 8080 -h /www",
].join(" && ");

// Runs as a named, unprivileged user with a home, like real templates: the app resolves it from /etc/passwd.
const PASSWD = "root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000:app:/home/app:/bin/sh\n";
const GROUP = "root:x:0:\napp:x:1000:\n";

// GET /cgi-bin/request answers the Cookie header the workload was sent: a proxy test sees what really arrived.
const REQUEST_ECHO =
  '#!/bin/sh\nprintf "Content-Type: text/plain\\r\\n\\r\\n"\necho "cookie: $HTTP_COOKIE"\n';

// The WebSocket handshake (RFC 6455: the key's SHA-1 with the protocol's GUID, base64), then the connection is held
// until the client closes it — a WebSocket that stays open without a single request through the proxy.
const WEBSOCKET = [
  "#!/bin/sh",
  'key=""',
  "while IFS= read -r line; do",
  "  line=$(printf '%s' \"$line\" | tr -d '\\r')",
  '  [ -z "$line" ] && break',
  "  case \"$line\" in [Ss]ec-[Ww]eb[Ss]ocket-[Kk]ey:*) key=$(printf '%s' \"$line\" | cut -d: -f2- | tr -d ' ') ;; esac",
  "done",
  "accept=$(printf '%s' \"$key\"258EAFA5-E914-47DA-95CA-C5AB0DC85B11 | sha1sum | cut -d' ' -f1 | xxd -r -p | base64)",
  "printf 'HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: %s\\r\\n\\r\\n' \"$accept\"",
  "exec cat > /dev/null",
  "",
].join("\n");

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
    writeFileSync(path.join(dir, "websocket"), WEBSOCKET, { mode: 0o755 });
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
        "COPY websocket /bin/websocket",
        "USER app",
        "EXPOSE 8080 8081",
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
