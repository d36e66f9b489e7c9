// callbackUrl only ever leads to this origin: anything else falls back to the dashboard.
export const DEFAULT_CALLBACK_PATH = "/dashboard";

/** Returns a same-origin path (with query and hash) for a user-supplied callbackUrl. */
export function safeCallbackPath(raw: string | null | undefined, origin: string): string {
  if (!raw || raw.length > 2048) return DEFAULT_CALLBACK_PATH;
  // Browsers treat "\" like "/" and ignore tabs and newlines, so "/\evil.example" is protocol-relative.
  if (
    raw.includes("\\") ||
    [...raw].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
  ) {
    return DEFAULT_CALLBACK_PATH;
  }
  let url: URL;
  try {
    url = new URL(raw, origin);
  } catch {
    return DEFAULT_CALLBACK_PATH;
  }
  if (url.origin !== new URL(origin).origin) return DEFAULT_CALLBACK_PATH;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Never send people back into the sign-in machinery itself.
  if (path.startsWith("/api/auth") || !path.startsWith("/") || path.startsWith("//"))
    return DEFAULT_CALLBACK_PATH;
  return path;
}
