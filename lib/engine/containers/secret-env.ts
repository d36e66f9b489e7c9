// Which environment values the engine pages show: a key that looks like it holds a secret is masked, and so is the
// password of a URL (postgres://user:pass@host) under any key. Pure, so the rule is tested on its own.

/** Key names that usually hold a secret: DB_PASSWORD, API_KEY, GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY, PRIVATE_KEY... */
export const SECRET_KEY =
  /(pass|pwd|secret|token|key|credential|auth|private|cookie|session|salt|signature)/i;

// user:password@ in a URL: the password goes, the rest (host, database) stays readable.
const URL_PASSWORD = /^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*:)([^@\s]+)(@)/i;

export const MASK = "••••••";

export type EnvEntry = { key: string; value: string | null; masked: boolean };

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** One "KEY=value" line as the engine holds it, masked where the rule says. */
export function maskEnvLine(line: string): EnvEntry {
  const at = line.indexOf("=");
  const key = at < 0 ? line : line.slice(0, at);
  const value = at < 0 ? "" : line.slice(at + 1);
  if (isSecretKey(key)) return { key, value: null, masked: true };
  if (URL_PASSWORD.test(value))
    return { key, value: value.replace(URL_PASSWORD, `$1${MASK}$3`), masked: true };
  return { key, value, masked: false };
}

export function maskEnv(lines: readonly string[] | null | undefined): EnvEntry[] {
  return (lines ?? []).map(maskEnvLine);
}
