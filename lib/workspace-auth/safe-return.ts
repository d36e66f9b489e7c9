// Where the handshake may send a visitor back to: a path on the workspace host itself, never another host.
export function safeReturnPath(raw: string | null | undefined): string {
  if (!raw || raw.length > 2048 || !raw.startsWith("/") || raw.startsWith("//")) return "/";
  // Browsers read "\" as "/" and drop tabs and newlines: "/\evil.example" would leave the host.
  if (raw.includes("\\") || [...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f))
    return "/";
  return raw;
}
