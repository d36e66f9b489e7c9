// Where a secret file lands in the workload: "~/…" under its user's home, an absolute path under the data path.
import type { FileEntry, WorkloadUser } from "@/lib/runtime/runtime";

/** null when an absolute path is outside the data path (checked before saving, with the template). */
export function secretTarget(path: string, dataPath: string, home: string): string | null {
  if (path.startsWith("~/")) return `${home.replace(/\/+$/, "")}/${path.slice(2)}`;
  const base = dataPath.replace(/\/+$/, "");
  return path.startsWith(`${base}/`) ? path : null;
}

export const isUnderDataPath = (path: string, dataPath: string) =>
  path.startsWith("~/") || secretTarget(path, dataPath, "/") !== null;

/**
 * The archive entries that put these files in place, mode 0600 and owned by the workload's user, with the
 * directories between their base (home or data path) and them made for that user too (0700 under home).
 */
export function secretFileEntries(
  files: { path: string; content: Buffer }[],
  user: WorkloadUser,
  dataPath: string,
): FileEntry[] {
  const entries: FileEntry[] = [];
  const dirs = new Set<string>();
  const owner = { uid: user.uid, gid: user.gid };
  for (const file of files) {
    const target = secretTarget(file.path, dataPath, user.home);
    if (!target) continue;
    const base = file.path.startsWith("~/") ? user.home.replace(/\/+$/, "") : dataPath.replace(/\/+$/, "");
    const parts = target
      .slice(base.length + 1)
      .split("/")
      .slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) {
      const dir = `${base}/${parts.slice(0, depth).join("/")}`;
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      entries.push({ type: "dir", path: dir, mode: file.path.startsWith("~/") ? 0o700 : 0o755, ...owner });
    }
    entries.push({ type: "file", path: target, content: file.content, mode: 0o600, ...owner });
  }
  return entries;
}
