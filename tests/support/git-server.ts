// A real git server for clone tests without the internet: bare repositories served over "dumb" HTTP by busybox
// httpd in a container on the workspaces' network (reachable there as http://gitserver:8080/...). Repositories
// under /private/ need basic auth (user "git", the given token as password), so a test can see that credentials
// arrive — and that a wrong or missing token is refused.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { docker } from "./test-image";

export type GitServer = {
  /** Clone URL of a public repository as workspaces see it. */
  publicUrl: string;
  /** Clone URL of a repository that needs the token. */
  privateUrl: string;
  token: string;
  /** Files committed to both repositories (path -> content). */
  files: Record<string, string>;
  stop: () => void;
};

function git(cwd: string, ...args: string[]) {
  execFileSync("git", args, {
    cwd,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  });
}

function bareRepository(root: string, name: string, files: Record<string, string>): void {
  const work = path.join(root, `${name}-work`);
  mkdirSync(work, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(work, file)), { recursive: true });
    writeFileSync(path.join(work, file), content);
  }
  git(work, "init", "-q", "-b", "main");
  git(work, "add", ".");
  git(work, "commit", "-q", "-m", "first");
  git(work, "branch", "feature");
  const bare = path.join(root, "www", `${name}.git`);
  mkdirSync(path.dirname(bare), { recursive: true });
  git(root, "clone", "-q", "--bare", work, bare);
  git(bare, "update-server-info");
}

/**
 * The served tree: `www/public/repo.git` and `www/private/repo.git` (basic auth "git" + the token, by `httpd.conf`),
 * for busybox httpd run as `httpd -f -p 8080 -h <root>/www -c <root>/httpd.conf`.
 */
export function gitRepositories(): { root: string; token: string; files: Record<string, string> } {
  const root = mkdtempSync(path.join(tmpdir(), "spawner-git-"));
  const files = { "README.md": "# Hello from the test repository\n", "src/app.txt": "app source\n" };
  bareRepository(root, "public/repo", files);
  bareRepository(root, "private/repo", files);
  const token = `tok-${Date.now().toString(36)}-secret`;
  // busybox httpd: "/path:user:pass" protects everything under /path with basic auth.
  writeFileSync(path.join(root, "httpd.conf"), `/private:git:${token}\n`);
  execFileSync("chmod", ["-R", "a+rX", root]);
  return { root, token, files };
}

export function startGitServer(options: { network: string; image: string; name: string }): GitServer {
  const { root, token, files } = gitRepositories();
  // Exists already when the app (or an earlier file) made it.
  spawnSync("docker", ["network", "create", options.network], { stdio: "ignore" });
  // One left by an earlier run goes first (none is the usual case: no output wanted).
  spawnSync("docker", ["rm", "-f", options.name], { stdio: "ignore" });
  docker(
    "run",
    "-d",
    "--name",
    options.name,
    "--network",
    options.network,
    "--network-alias",
    "gitserver",
    "-v",
    `${root}:/srv:ro`,
    "--entrypoint",
    "/bin/busybox",
    options.image,
    "httpd",
    "-f",
    "-p",
    "8080",
    "-h",
    "/srv/www",
    "-c",
    "/srv/httpd.conf",
  );
  return {
    publicUrl: "http://gitserver:8080/public/repo.git",
    privateUrl: "http://gitserver:8080/private/repo.git",
    token,
    files,
    stop: () => {
      spawnSync("docker", ["rm", "-f", options.name], { stdio: "ignore" });
      rmSync(root, { recursive: true, force: true });
    },
  };
}
