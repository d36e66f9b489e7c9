// Where a secret file lands in the workload: "~/…" under its user's home, an absolute path under the data path.
import { AppError } from "@/lib/errors";
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
 * Docker follows a symlink in any folder the archive does not name itself, so a file in the data volume (whose
 * folders its user may have replaced by symlinks) gets every folder from the volume's root down named here.
 */
export function secretFileEntries(
  files: { path: string; content: Buffer }[],
  user: WorkloadUser,
  dataPath: string,
): FileEntry[] {
  const entries: FileEntry[] = [];
  const dirs = new Set<string>();
  const owner = { uid: user.uid, gid: user.gid };
  const home = user.home.replace(/\/+$/, "");
  const data = dataPath.replace(/\/+$/, "");
  // Without a home of its own, "~/" would be the whole file system.
  if (home === "" && files.some((file) => file.path.startsWith("~/")))
    throw new AppError(
      "VALIDATION_FAILED",
      `This template's user has no home folder, so secret files can't go under ~/. Put them under ${data}/ instead.`,
    );
  for (const file of files) {
    const target = secretTarget(file.path, dataPath, user.home);
    if (!target) continue;
    const base = target.startsWith(`${data}/`) ? data : home;
    const parts = target
      .slice(base.length + 1)
      .split("/")
      .slice(0, -1);
    for (let depth = 1; depth <= parts.length; depth++) {
      const dir = `${base}/${parts.slice(0, depth).join("/")}`;
      if (dirs.has(dir)) continue;
      dirs.add(dir);
      const private_ = file.path.startsWith("~/") && dir.startsWith(`${home}/`);
      entries.push({ type: "dir", path: dir, mode: private_ ? 0o700 : 0o755, ...owner });
    }
    entries.push({ type: "file", path: target, content: file.content, mode: 0o600, ...owner });
  }
  return entries;
}
