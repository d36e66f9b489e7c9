// A real registry for pull tests: Debian's docker-registry (distribution 2.8) on a free loopback port with its
// storage in a temp dir. dockerd treats 127.0.0.0/8 as insecure registries, so plain HTTP push and pull work.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

export type Registry = {
  /** 127.0.0.1:<port>, the prefix of every reference pushed there. */
  host: string;
  /** Tags a local image as host/name:tag, pushes it and removes the local copies: the engine then lacks it. */
  push: (localImage: string, name: string, tag?: string) => string;
  /** As push, but answers host/name@sha256:… (the manifest's digest), for a pull pinned by digest. */
  pushDigest: (localImage: string, name: string) => string;
  /** Deletes the biggest blob (a layer) from the registry's storage: a pull then fails partway. */
  dropLargestBlob: () => void;
  stop: () => Promise<void>;
};

const BINARY = "/usr/bin/docker-registry";

export async function startRegistry(): Promise<Registry> {
  const dir = mkdtempSync(path.join(tmpdir(), "spawner-registry-"));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const config = path.join(dir, "config.yml");
  writeFileSync(
    config,
    [
      "version: 0.1",
      "log:",
      "  level: warn",
      "storage:",
      "  filesystem:",
      `    rootdirectory: ${path.join(dir, "data")}`,
      "  delete:",
      "    enabled: true",
      "http:",
      `  addr: ${host}`,
      "",
    ].join("\n"),
  );
  let output = "";
  const child: ChildProcess = spawn(BINARY, ["serve", config], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (const deadline = Date.now() + 15_000; ; ) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`docker-registry did not answer within 15 s:\n${output}`);
    const ok = await fetch(`http://${host}/v2/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const push = (localImage: string, name: string, tag = "latest") => {
    const reference = `${host}/${name}:${tag}`;
    execFileSync("docker", ["tag", localImage, reference]);
    execFileSync("docker", ["push", "-q", reference], { stdio: ["ignore", "ignore", "pipe"] });
    execFileSync("docker", ["rmi", reference], { stdio: "ignore" });
    return reference;
  };
  const pushDigest = (localImage: string, name: string) => {
    const reference = `${host}/${name}:latest`;
    execFileSync("docker", ["tag", localImage, reference]);
    execFileSync("docker", ["push", "-q", reference], { stdio: ["ignore", "ignore", "pipe"] });
    const digests = execFileSync("docker", ["image", "inspect", "-f", "{{json .RepoDigests}}", reference], {
      encoding: "utf8",
    });
    execFileSync("docker", ["rmi", reference], { stdio: "ignore" });
    const pinned = (JSON.parse(digests) as string[]).find((digest) => digest.startsWith(`${host}/${name}@`));
    if (!pinned) throw new Error(`no digest of ${reference} after the push: ${digests}`);
    return pinned;
  };
  const dropLargestBlob = () => {
    const blobs = path.join(dir, "data", "docker", "registry", "v2", "blobs", "sha256");
    const files = readdirSync(blobs).flatMap((prefix) =>
      readdirSync(path.join(blobs, prefix)).map((digest) => path.join(blobs, prefix, digest, "data")),
    );
    const largest = files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
    if (largest) rmSync(largest);
  };
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return { host, push, pushDigest, dropLargestBlob, stop };
}
