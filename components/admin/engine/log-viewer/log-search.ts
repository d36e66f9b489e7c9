// Search over the lines the viewer holds: case-insensitive over pre-lowered strings (MatchList in line-buffer.ts finds
// them), so it needs no worker; the rows then highlight only what they render.

export type LoadedLine = { stream: "stdout" | "stderr"; text: string; at: string | null; lower: string };

/** The text cut into plain and matching parts, for <mark>. */
export function highlightParts(text: string, query: string): { text: string; match: boolean }[] {
  const needle = query.toLowerCase();
  if (!needle) return [{ text, match: false }];
  const lower = text.toLowerCase();
  const parts: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: text.slice(from, at), match: false });
    parts.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) parts.push({ text: text.slice(from), match: false });
  return parts;
}

/** The match to go to after `current` (wrapping), moving by `step` (1 next, -1 previous). */
export function stepMatch(count: number, current: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (current < 0) return step === 1 ? 0 : count - 1;
  return (current + step + count) % count;
}
