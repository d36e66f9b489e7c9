// Content-Security-Policy with a per-request nonce, and HSTS when served over HTTPS.
/** frameSources: origins pages may frame (the workspace hosts, "https://*.ws.example.com"), none by default. */
export function contentSecurityPolicy(nonce: string, isDev: boolean, frameSources: string[] = []): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Radix and sonner position elements with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The sign-in confirmation form's redirects may end on a workspace host (its sign-in handshake), and
    // form-action covers every redirect after a submit.
    `form-action 'self'${frameSources.map((source) => ` ${source}`).join("")}`,
    "frame-ancestors 'none'",
    // 'self' too: a framed workspace without its host's cookie passes through the app (the sign-in handshake).
    `frame-src ${frameSources.length > 0 ? ["'self'", ...frameSources].join(" ") : "'none'"}`,
  ].join("; ");
}

export const HSTS = "max-age=63072000; includeSubDomains";

export function isHttps(url: URL, forwardedProto: string | null): boolean {
  return (forwardedProto ?? url.protocol.replace(":", "")).split(",")[0]?.trim() === "https";
}
