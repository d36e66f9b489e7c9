// One short line of an event's details for people: "fields env, limits · env +API_URL −OLD". Generic, so the
// details other use cases record (a bulk action's items, a template's fields) read well without a case each.

const MAX_LENGTH = 240;

type Item = { outcome?: unknown };

function itemsSummary(items: Item[]): string {
  const failed = items.filter((item) => item.outcome !== "ok");
  const codes = [...new Set(failed.map((item) => String(item.outcome)))];
  const ok = items.length - failed.length;
  const tail = failed.length > 0 ? `, ${failed.length} failed (${codes.join(", ")})` : "";
  return `${items.length} item${items.length === 1 ? "" : "s"}: ${ok} ok${tail}`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => !(Array.isArray(inner) && inner.length === 0) && inner !== undefined)
      .map(([key, inner]) => `${key} ${valueText(inner)}`)
      .join("; ");
  return String(value);
}

export function detailsSummary(details: Record<string, unknown>): string {
  const parts = Object.entries(details)
    .filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) =>
      key === "items" && Array.isArray(value)
        ? itemsSummary(value as Item[])
        : `${key.replaceAll("_", " ")}: ${valueText(value)}`,
    );
  const text = parts.join(" · ");
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}
