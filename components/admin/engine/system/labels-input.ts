// Labels typed one "key=value" a line, as docker's --label takes them.

export function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const at = trimmed.indexOf("=");
    // "tier = x" is tier=x: the spaces around "=" are the typist's, not the label's.
    if (at < 0) labels[trimmed] = "";
    else labels[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return labels;
}
