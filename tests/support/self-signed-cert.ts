// A throwaway TLS certificate made with the openssl CLI (in Debian with ca-certificates): __Host- and Secure cookies
// only exist over https, so the test proxy must speak it. Browsers are told to accept it (--ignore-certificate-errors).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export function selfSignedCert(names: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "spawner-cert-"));
  try {
    const key = path.join(dir, "key.pem");
    const cert = path.join(dir, "cert.pem");
    execFileSync(
      "openssl",
      [
        ...[
          "req",
          "-x509",
          "-nodes",
          "-days",
          "2",
          "-newkey",
          "ec",
          "-pkeyopt",
          "ec_paramgen_curve:prime256v1",
        ],
        ...[
          "-subj",
          `/CN=${names[0]}`,
          "-addext",
          `subjectAltName=${names.map((n) => `DNS:${n}`).join(",")}`,
        ],
        ...["-keyout", key, "-out", cert],
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
