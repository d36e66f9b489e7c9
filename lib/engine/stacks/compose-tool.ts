// Which Compose tool this machine has: COMPOSE_COMMAND when set, else the v2 plugin (`docker compose`), else
// Debian's docker-compose v1. Asked once, each with a short timeout; a missing tool is asked again after a minute
// (an admin may install one meanwhile), a found one is kept.
import "server-only";
import { execFile } from "node:child_process";
import { composeEnv } from "@/lib/engine/stacks/compose-env";
import { getEnv } from "@/lib/env";

export type ComposeTool = { command: string; args: string[]; version: string };
export type ComposeToolState = { tool: ComposeTool | null; message: string | null };

export const NO_COMPOSE_TOOL =
  "No Compose tool is installed on the app's machine: install the Docker Compose v2 plugin or Debian's docker-compose.";

const DETECT_TIMEOUT_MS = 5000;
const RETRY_MISSING_MS = 60_000;

const cache = globalThis as unknown as { composeTool?: { state: ComposeToolState; at: number } };

function versionOf(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      [...args, "version"],
      { timeout: DETECT_TIMEOUT_MS, maxBuffer: 64 * 1024, env: composeEnv() },
      (error, stdout) => {
        if (error) return resolve(null);
        // "Docker Compose version v2.29.1", "docker-compose version 1.29.2, build unknown".
        resolve(/v?(\d+\.\d+\.\d+[\w.+-]*)/.exec(stdout)?.[1] ?? null);
      },
    );
  });
}

function candidates(): string[][] {
  const configured = getEnv().COMPOSE_COMMAND;
  if (configured) return [configured.split(/ +/)];
  return [["docker", "compose"], ["docker-compose"]];
}

async function detect(): Promise<ComposeToolState> {
  for (const [command = "", ...args] of candidates()) {
    const version = await versionOf(command, args);
    if (version) return { tool: { command, args, version }, message: null };
  }
  const configured = getEnv().COMPOSE_COMMAND;
  return {
    tool: null,
    message: configured
      ? `${NO_COMPOSE_TOOL} (COMPOSE_COMMAND="${configured}" could not be run.)`
      : NO_COMPOSE_TOOL,
  };
}

export async function composeTool(): Promise<ComposeToolState> {
  const held = cache.composeTool;
  if (held && (held.state.tool || Date.now() - held.at < RETRY_MISSING_MS)) return held.state;
  const state = await detect();
  cache.composeTool = { state, at: Date.now() };
  return state;
}

/** How the tool is named to people: "docker compose 2.29.1", "docker-compose 1.29.2". */
export function toolName(tool: ComposeTool): string {
  return `${[tool.command, ...tool.args].join(" ")} ${tool.version}`;
}
