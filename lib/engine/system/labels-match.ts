// A "key" or "key=value" filter on an object's labels, as docker's --filter label= reads it.

export function labelsMatch(labels: Record<string, string> | null | undefined, filter?: string): boolean {
  if (!filter) return true;
  const at = filter.indexOf("=");
  const key = at < 0 ? filter : filter.slice(0, at);
  if (!labels || !(key in labels)) return false;
  return at < 0 || labels[key] === filter.slice(at + 1);
}
