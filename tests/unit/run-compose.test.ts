// The Compose tool's runner ends a run that takes too long with everything it started: the tool runs in its own
// process group, and the whole group is signalled (the v2 plugin is a child of the docker CLI). A fake tool (sh,
// starting a long sleep as its child) stands in for it.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withComposeFile } from "@/lib/engine/stacks/run-compose";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** Whether the process is there and not a zombie waiting to be reaped. */
async function alive(pid: number): Promise<boolean> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  return stat !== null && stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

describe("withComposeFile", () => {
  it("ends the tool and its children when the run's time is up, and says so", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "run-compose-test-"));
    dirs.push(dir);
    const pidFile = path.join(dir, "child.pid");
    const tool = { command: "sh", args: ["-c", `sleep 60 & echo $! > ${pidFile}; wait`], version: "0.0.0" };
    const started = Date.now();
    const run = await withComposeFile(tool, "demo", "services: {}\n", (compose) =>
      compose(["up"], { timeoutMs: 1000 }),
    );
    expect(run.ok).toBe(false);
    expect(run.output).toContain("Stopped after 1 seconds.");
    expect(Date.now() - started).toBeLessThan(10_000);
    const child = Number((await readFile(pidFile, "utf8")).trim());
    expect(child).toBeGreaterThan(0);
    await expect.poll(() => alive(child), { timeout: 3000 }).toBe(false);
  });

  it("runs a tool that finishes, with its output", async () => {
    const tool = { command: "sh", args: ["-c", "echo done; exit 0"], version: "0.0.0" };
    const run = await withComposeFile(tool, "demo", "services: {}\n", (compose) => compose(["up"]));
    expect(run).toEqual({ ok: true, output: "done" });
  });

  it("answers not ok, without throwing, for a tool that can't be run", async () => {
    const tool = { command: "/nonexistent/compose", args: [], version: "0.0.0" };
    const run = await withComposeFile(tool, "demo", "services: {}\n", (compose) => compose(["up"]));
    expect(run.ok).toBe(false);
    expect(run.output).toContain("ENOENT");
  });
});
