// Secrets at rest: AES-256-GCM with a key derived from AUTH_SECRET for this purpose alone (HKDF-SHA256), so the
// database file never holds a secret in clear and the key is never stored. A changed AUTH_SECRET makes old
// secrets unreadable: they must be entered again (open() says so).
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { AppError } from "@/lib/errors";

const INFO = "spawner workspace secrets v1";
const VERSION = "v1";

const keys = new Map<string, Buffer>();

function keyFor(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", secret, "spawner", INFO, 32));
    keys.set(secret, key);
  }
  return key;
}

/** "v1:" + base64(iv | tag | ciphertext); the associated data binds it to one owner (a workspace id, a path). */
export function seal(plain: Buffer, secret: string, boundTo: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(secret), iv);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
}

export function open(sealed: string, secret: string, boundTo: string): Buffer {
  try {
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), "base64");
    const decipher = createDecipheriv("aes-256-gcm", keyFor(secret), raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(boundTo));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
  } catch {
    throw new AppError(
      "SECRET_UNREADABLE",
      "A saved secret of this workspace can no longer be read (the server's secret changed). Enter it again in the settings.",
    );
  }
}
