// Runs the Compose tool on one file: in a fresh folder holding only that file (so nothing else can be read, no
// .env either), without a shell, with a time limit and bounded output. The folder is removed afterwards. The tool
// runs in its own process group, so a timeout ends it and whatever it started (`docker compose` runs the plugin as a
// child of the CLI).
import "server-only";
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { composeEnv } from "@/lib/engine/stacks/compose-env";
import type { ComposeTool } from "@/lib/engine/stacks/compose-tool";

/** How long a run may take unless told otherwise (an up that pulls images). */
export const RUN_TIMEOUT_MS = 5 * 60_000;
/** After SIGTERM, how long the group has before SIGKILL. */
const KILL_GRACE_MS = 5000;
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** What of the output an answer carries: its end, where the tool says what went wrong. */
const OUTPUT_SHOWN = 4000;

export type ComposeRun = { ok: boolean; output: string };
export type Compose = (args: string[], options?: { timeoutMs?: number }) => Promise<ComposeRun>;

function trimmed(output: string, dir: string): string {
  const text = output.replaceAll(dir, ".").trim();
  return text.length > OUTPUT_SHOWN ? `…${text.slice(-OUTPUT_SHOWN)}` : text;
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has already gone.
  }
}

function run(command: string, args: string[], cwd: string, timeoutMs: number): Promise<ComposeRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env: composeEnv(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      // Bounded, keeping the end: that is where the tool says what went wrong.
      while (size > MAX_OUTPUT_BYTES && chunks.length > 1) size -= chunks.shift()?.length ?? 0;
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    let timedOut = false;
    let killer: NodeJS.Timeout | undefined;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup(child.pid, "SIGTERM");
      killer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), KILL_GRACE_MS);
    }, timeoutMs);
    let settled = false;
    const settle = (ok: boolean, note?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearTimeout(killer);
      let output = Buffer.concat(chunks).toString("utf8");
      if (note) output += `\n${note}`;
      if (timedOut) output += `\nStopped after ${Math.round(timeoutMs / 1000)} seconds.`;
      resolve({ ok: ok && !timedOut, output });
    };
    // Could not be started at all (no such command): there is no process to wait for.
    child.on("error", (error) => {
      if (child.pid === undefined) settle(false, error.message);
    });
    child.on("close", (code) => settle(code === 0));
  });
}

/** Gives `work` a runner of `<tool> -p <project> -f compose.yaml <args>` in a folder holding only the file. */
export async function withComposeFile<T>(
  tool: ComposeTool,
  project: string,
  text: string,
  work: (compose: Compose) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "spawner-stack-"));
  const file = path.join(dir, "compose.yaml");
  try {
    await writeFile(file, text, { mode: 0o600 });
    const compose: Compose = async (args, options) => {
      const done = await run(
        tool.command,
        [...tool.args, "--ansi", "never", "-p", project, "-f", file, ...args],
        dir,
        options?.timeoutMs ?? RUN_TIMEOUT_MS,
      );
      return { ok: done.ok, output: trimmed(done.output, dir) };
    };
    return await work(compose);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
