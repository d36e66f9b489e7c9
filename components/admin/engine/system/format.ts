// Times and ids the engine pages show: dates in the viewer's own format, ids as docker prints them.

export function formatDate(iso: string | null): string {
  if (!iso) return "—";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : date.toISOString().slice(0, 16).replace("T", " ");
}

/** sha256:abc… as docker ps shows it: 12 characters. */
export const shortId = (id: string) => id.replace(/^sha256:/, "").slice(0, 12);
