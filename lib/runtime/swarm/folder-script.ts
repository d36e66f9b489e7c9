// The shell lines of the job that makes a volume's folders for their user (pure, so it is tested as text).
import type { FileEntry } from "@/lib/runtime/runtime";

type Dir = Extract<FileEntry, { type: "dir" }>;

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** The shell lines that make each folder with its owner and mode, in order (parents first). */
export function folderScript(dirs: Dir[]): string {
  return dirs
    .map((dir) => {
      const path = quote(dir.path);
      return `mkdir -p ${path} && chown ${dir.uid}:${dir.gid} ${path} && chmod ${dir.mode.toString(8)} ${path}`;
    })
    .join(" && ");
}
