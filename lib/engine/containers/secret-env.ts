// Which environment values the engine pages show: a key that looks like it holds a secret is masked whole, and any
// other value is scanned for a URL's password or a `password=…` segment (lib/engine/containers/secret-text.ts).
import { isSecretKey, maskText } from "@/lib/engine/containers/secret-text";

export type EnvEntry = { key: string; value: string | null; masked: boolean };

/** One "KEY=value" line as the engine holds it, masked where the rule says. */
export function maskEnvLine(line: string): EnvEntry {
  const at = line.indexOf("=");
  const key = at < 0 ? line : line.slice(0, at);
  const value = at < 0 ? "" : line.slice(at + 1);
  if (isSecretKey(key)) return { key, value: null, masked: true };
  const shown = maskText(value);
  return { key, value: shown, masked: shown !== value };
}

export function maskEnv(lines: readonly string[] | null | undefined): EnvEntry[] {
  return (lines ?? []).map(maskEnvLine);
}
