// Test images are built FROM scratch around Debian's static busybox: nothing can be pulled here.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const TEST_IMAGE = "spawner-test-httpd:latest";

// The page names the slug and type from the env the app sets, so tests can see whose container answered.
const START = [
  "mkdir -p /www",
  'echo "<!doctype html><title>$USER_SLUG-$CONTAINER_TYPE</title><h1>Hello from $USER_SLUG-$CONTAINER_TYPE</h1>" > /www/index.html',
  'echo "container $USER_SLUG-$CONTAINER_TYPE is up"',
  "exec /bin/busybox httpd -f -v -p 8080 -h /www",
].join(" && ");

export function buildTestImage(tag = TEST_IMAGE): string {
  const dir = mkdtempSync(path.join(tmpdir(), "spawner-image-"));
  try {
    copyFileSync("/bin/busybox", path.join(dir, "busybox"));
    writeFileSync(
      path.join(dir, "Dockerfile"),
      [
        "FROM scratch",
        "COPY busybox /bin/busybox",
        'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
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

/** Removes every container carrying a label prefix's managed-by label (what a test run made). */
export function removeLabelled(prefix: string): void {
  const ids = execFileSync("docker", ["ps", "-aq", "--filter", `label=${prefix}.managed-by`], {
    encoding: "utf8",
  })
    .split("\n")
    .filter(Boolean);
  if (ids.length > 0) execFileSync("docker", ["rm", "-f", ...ids], { stdio: "ignore" });
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
