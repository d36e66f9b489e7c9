// Numbers and times the way people read them; shared by the cards, the workspace page and the stats.

/** Server and browser render the same text: a fixed locale and UTC, so hydration never disagrees. */
export function formatTime(iso: string | null): string {
  if (!iso) return "Never";
  const text = new Intl.DateTimeFormat("en", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(iso));
  return `${text} UTC`;
}

const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** Binary steps (1024) so a 512m memory limit reads "512 MB", as Docker's flag means it; an unknown size: "—". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "—";
  let value = Math.max(bytes, 0);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}

export function formatPercent(value: number): string {
  return `${value.toFixed(1)}%`;
}
