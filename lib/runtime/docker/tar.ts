// A minimal POSIX ustar writer (pax headers for long paths) and reader: Docker's archive API speaks tar, and our
// needs are a few small files with exact owners and modes (secret files, a data folder) and reading one file back
// (/etc/passwd).
const BLOCK = 512;

export type TarEntry =
  | { type: "file"; path: string; content: Buffer; mode: number; uid: number; gid: number }
  | { type: "dir"; path: string; mode: number; uid: number; gid: number };

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

/** ustar keeps names in two fields: up to 155 bytes of directories, then up to 100 bytes of name; null: no fit. */
function splitName(path: string): { prefix: string; name: string } | null {
  if (Buffer.byteLength(path) <= 100) return { prefix: "", name: path };
  for (let at = path.indexOf("/"); at !== -1; at = path.indexOf("/", at + 1)) {
    const prefix = path.slice(0, at);
    const name = path.slice(at + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100) return { prefix, name };
  }
  return null;
}

/** A pax extended header's one record, "<length> path=<path>\n", whose length counts its own digits. */
function paxPathRecord(path: string): Buffer {
  const body = ` path=${path}\n`;
  let length = Buffer.byteLength(body);
  while (String(length).length + Buffer.byteLength(body) !== length)
    length = String(length).length + Buffer.byteLength(body);
  return Buffer.from(`${length}${body}`);
}

function header(
  entry: Pick<TarEntry, "mode" | "uid" | "gid">,
  type: "0" | "5" | "x",
  { prefix, name }: { prefix: string; name: string },
  size: number,
): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write(octal(entry.mode & 0o7777, 8), 100, 8, "ascii");
  block.write(octal(entry.uid, 8), 108, 8, "ascii");
  block.write(octal(entry.gid, 8), 116, 8, "ascii");
  block.write(octal(size, 12), 124, 12, "ascii");
  block.write(octal(Math.floor(Date.now() / 1000), 12), 136, 12, "ascii");
  block.write("        ", 148, 8, "ascii");
  block.write(type, 156, 1, "ascii");
  block.write("ustar\u000000", 257, 8, "ascii");
  block.write(prefix, 345, 155, "utf8");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/**
 * Packs entries into one archive; paths are relative to where Docker extracts it (no leading "/"). A path ustar
 * can't hold (a part over 100 bytes) goes in a pax extended header before its entry, as GNU tar writes it.
 */
export function packTar(entries: TarEntry[]): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const path = entry.path.replace(/^\/+/, "") + (entry.type === "dir" ? "/" : "");
    const content = entry.type === "file" ? entry.content : Buffer.alloc(0);
    let names = splitName(path);
    if (!names) {
      const record = paxPathRecord(path);
      parts.push(header(entry, "x", { prefix: "", name: "PaxHeader" }, record.length), record);
      parts.push(padding(record.length));
      names = { prefix: "", name: path.slice(-99).replace(/^\/+/, "") };
    }
    parts.push(header(entry, entry.type === "dir" ? "5" : "0", names, content.length), content);
    parts.push(padding(content.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

const field = (block: Buffer, start: number, length: number) =>
  block
    .subarray(start, start + length)
    .toString("utf8")
    .replace(/\0.*$/s, "");

/** The regular files of an archive (name and content), e.g. what Docker answers for one path. */
export function readTarFiles(archive: Buffer): { name: string; content: Buffer }[] {
  const files: { name: string; content: Buffer }[] = [];
  for (let offset = 0; offset + BLOCK <= archive.length; ) {
    const block = archive.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) break;
    const size = Number.parseInt(field(block, 124, 12).trim() || "0", 8);
    const type = field(block, 156, 1) || "0";
    const prefix = field(block, 345, 155);
    const name = prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100);
    const start = offset + BLOCK;
    if (type === "0") files.push({ name, content: archive.subarray(start, start + size) });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}

/** Owner of an archive's first entry (Docker answers a directory's own entry first), or null for no entry. */
export function firstEntryOwner(archive: Buffer): { uid: number; gid: number } | null {
  if (archive.length < BLOCK || archive.subarray(0, BLOCK).every((byte) => byte === 0)) return null;
  const uid = Number.parseInt(field(archive, 108, 8).trim() || "x", 8);
  const gid = Number.parseInt(field(archive, 116, 8).trim() || "x", 8);
  return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
}
