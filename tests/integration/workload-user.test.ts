// Whose files a workload gets (secret files, its data folder) is read from its image: USER against the image's own
// /etc/passwd, HOME from the image. What one workspace's user does inside a running container must not change it
// for the other workspaces of that image.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { testSettings } from "./setup-env";

// An image of its own (a fresh id), so nothing this process resolved before answers for it.
const IMAGE = `${IT}-user:${Date.now().toString(36)}`;
const made: string[] = [];

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "spawner-user-"));
  try {
    writeFileSync(
      path.join(dir, "Dockerfile"),
      `FROM ${testSettings.USER_TEMPLATE_IMAGE_DEV}\nLABEL spawner-review-test=${IMAGE}\n`,
    );
    execFileSync("docker", ["build", "-q", "-t", IMAGE, dir], { stdio: ["ignore", "ignore", "pipe"] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
afterAll(() => {
  if (made.length > 0) docker("rm", "-f", ...made);
  docker("rmi", "-f", IMAGE);
});

const container = (args: string[] = [], command: string[] = []) => {
  const id = docker("create", "--label", `${IT}.managed-by=spawner`, ...args, IMAGE, ...command);
  made.push(id);
  return id;
};

const userOf = async (id: string) => {
  const workload = await getRuntime().inspect(id);
  if (!workload) throw new Error(`no container ${id}`);
  return getRuntime().userOf(workload);
};

describe("the workload's user", () => {
  it("comes from the image, whatever a running container of it did to its /etc/passwd or its HOME", async () => {
    const tampered = container(["-e", "HOME=/etc"]);
    docker("start", tampered);
    docker("exec", "-u", "0", tampered, "sed", "-i", "s/^app:x:1000:1000:/app:x:0:0:/", "/etc/passwd");
    // The HOME a container's variables set is never where its secret files go.
    expect((await userOf(tampered)).home).toBe("/home/app");
    // What the tampered container said is not remembered for a fresh one of the same image.
    expect(await userOf(container())).toEqual({ uid: 1000, gid: 1000, home: "/home/app" });
  });

  it.each(["app", "1000", "4242", "4242:4243", "app:root", "0"])(
    "for USER %j is the uid, gid and HOME the engine runs it with",
    async (user) => {
      const id = container(["--user", user, "--entrypoint", "sleep"], ["300"]);
      const resolved = await userOf(id);
      docker("start", id);
      const [uid, gid, home] = docker("exec", id, "sh", "-c", 'id -u; id -g; echo "$HOME"').split("\n");
      expect(resolved).toEqual({ uid: Number(uid), gid: Number(gid), home });
    },
  );
});
