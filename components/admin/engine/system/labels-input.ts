// Labels typed one "key=value" a line, as docker's --label takes them.

export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf("=");
    labels[at < 0 ? trimmed : trimmed.slice(0, at)] = at < 0 ? "" : trimmed.slice(at + 1);
  }
  return labels;
}
