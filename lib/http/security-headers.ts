// Content-Security-Policy with a per-request nonce, and HSTS when served over HTTPS.
export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
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
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const HSTS = "max-age=63072000; includeSubDomains";

export function isHttps(url: URL, forwardedProto: string | null): boolean {
  return (forwardedProto ?? url.protocol.replace(":", "")).split(",")[0]?.trim() === "https";
}
