// Runs the Compose tool on one file: in a fresh folder holding only that file (so nothing else can be read, no
// .env either), without a shell, with a time limit and bounded output. The folder is removed afterwards.
import "server-only";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { composeEnv } from "@/lib/engine/stacks/compose-env";
import type { ComposeTool } from "@/lib/engine/stacks/compose-tool";

const RUN_TIMEOUT_MS = 5 * 60_000;
const MAX_OUTPUT_BYTES = 1024 * 1024;
/** What of the output an answer carries: its end, where the tool says what went wrong. */
const OUTPUT_SHOWN = 4000;

export type ComposeRun = { ok: boolean; output: string };
export type Compose = (args: string[]) => Promise<ComposeRun>;

function trimmed(output: string, dir: string): string {
  const text = output.replaceAll(dir, ".").trim();
  return text.length > OUTPUT_SHOWN ? `…${text.slice(-OUTPUT_SHOWN)}` : text;
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
    const compose: Compose = (args) =>
      new Promise((resolve) => {
        execFile(
          tool.command,
          [...tool.args, "--ansi", "never", "-p", project, "-f", file, ...args],
          {
            cwd: dir,
            env: composeEnv(),
            timeout: RUN_TIMEOUT_MS,
            maxBuffer: MAX_OUTPUT_BYTES,
            killSignal: "SIGKILL",
          },
          (error, stdout, stderr) => {
            let output = `${stdout}\n${stderr}`;
            if (error?.killed) output += `\nStopped after ${RUN_TIMEOUT_MS / 60_000} minutes.`;
            resolve({ ok: !error, output: trimmed(output, dir) });
          },
        );
      });
    return await work(compose);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
