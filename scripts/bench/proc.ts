// Process inspection through /proc: the app server's memory, and whether a `next build` is running.
import { readdirSync, readFileSync } from "node:fs";
import { mb } from "./util";

function read(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function pids(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function parentOf(pid: number): number | null {
  const stat = read(`/proc/${pid}/stat`);
  // The command name may contain spaces and parentheses: fields after the last ")" are "state ppid ...".
  const rest = stat?.slice(stat.lastIndexOf(")") + 2).split(" ");
  return rest?.[1] ? Number(rest[1]) : null;
}

export const commandLine = (pid: number) => (read(`/proc/${pid}/cmdline`) ?? "").replace(/\0/g, " ").trim();

export function rssKb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(read(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) : 0;
}

/**
 * The spawned `next start` may be the server itself or may fork one, so we walk the whole tree under the
 * spawned pid (scanning every /proc entry's parent, which works without CONFIG_PROC_CHILDREN).
 */
export function processTree(root: number): number[] {
  const all = pids().map((pid) => ({ pid, parent: parentOf(pid) }));
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const entry of all) if (entry.parent === tree[i]) tree.push(entry.pid);
  }
  return tree.filter((pid) => read(`/proc/${pid}/status`) !== null);
}

/** RSS split into private heap/stack (anon) and mapped files (node binary, native addons, shared libs). */
function rssSplit(pid: number): string {
  const status = read(`/proc/${pid}/status`) ?? "";
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return `anon ${(field("RssAnon") / 1024).toFixed(1)} MB, file ${(field("RssFile") / 1024).toFixed(1)} MB`;
}

export type Memory = { totalKb: number; parts: { pid: number; kb: number; cmd: string; split: string }[] };

export function treeMemory(root: number): Memory {
  const parts = processTree(root).map((pid) => ({
    pid,
    kb: rssKb(pid),
    cmd: commandLine(pid).slice(0, 60),
    split: rssSplit(pid),
  }));
  return { totalKb: parts.reduce((sum, part) => sum + part.kb, 0), parts };
}

/** Another engineer may be rebuilding .next; `next build` renames its process to "next-build (vX)". */
export function buildRunning(): boolean {
  return pids().some((pid) => {
    const cmd = commandLine(pid);
    return cmd.startsWith("next-build") || /\bnext(\.js)? build\b/.test(cmd);
  });
}

export function logMemory(label: string, memory: Memory): void {
  console.log(`${label}: ${mb(memory.totalKb)} total`);
  for (const part of memory.parts) {
    console.log(`  pid ${part.pid} ${mb(part.kb).padStart(9)} (${part.split})  ${part.cmd}`);
  }
}
