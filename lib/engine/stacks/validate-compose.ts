// A compose file checked before anything runs: YAML syntax (line and column), the Compose schema and what this
// server can't do (compose-rules.ts). Every problem comes back at once, keyed by its place in the file, with the
// line it is on: 400 VALIDATION_FAILED. A top-level `name:` (Compose v2's project name, which 1.29's schema refuses)
// is taken when it is the stack's name, and left out of the file the tool gets; another name is refused.
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { composeRules } from "@/lib/engine/stacks/compose-rules";
import { composeSchemaErrors } from "@/lib/engine/stacks/compose-schema";
import { explainSchemaErrors, type PlacedError, placeText } from "@/lib/engine/stacks/explain-schema-errors";
import { AppError } from "@/lib/errors";

/** The largest compose file taken (413 PAYLOAD_TOO_LARGE past it). */
export const MAX_COMPOSE_BYTES = 256 * 1024;
/** At most this many problems are listed: past that, the file is better fixed in an editor. */
export const MAX_COMPOSE_ERRORS = 50;

export type ComposeFile = {
  config: Record<string, unknown>;
  services: string[];
  /** The text to hand the tool: the file as written, without a top-level `name:`. */
  text: string;
};

type Node = { range?: [number, number, number] | null };

export function composeRefused(fields: Record<string, string[]>): AppError {
  const count = Object.values(fields).reduce((sum, list) => sum + list.length, 0);
  return new AppError(
    "VALIDATION_FAILED",
    `The compose file is not valid: ${count === 1 ? "1 problem" : `${count} problems`}, each named by its place.`,
    { fields },
  );
}

/** Where the deepest node on the way to the place starts (a missing key: its mapping), as offset and line. */
function positionOf(
  doc: ReturnType<typeof parseDocument>,
  lines: LineCounter,
  segments: string[],
): { offset: number; line: number } | null {
  for (let depth = segments.length; depth >= 0; depth--) {
    let node: unknown = doc.contents;
    for (const segment of segments.slice(0, depth)) {
      if (isMap(node)) node = node.get(segment, true);
      else if (isSeq(node)) node = node.get(Number(segment), true);
      else node = undefined;
    }
    const offset = (node as Node | undefined)?.range?.[0];
    if (offset !== undefined) return { offset, line: lines.linePos(offset).line };
  }
  return null;
}

/** The file without its top-level `name:` pair: its lines blanked (line numbers stay), or a flow mapping re-written. */
function withoutName(doc: ReturnType<typeof parseDocument>, text: string, lines: LineCounter): string {
  const top = doc.contents;
  if (!isMap(top)) return text;
  const pair = top.items.find((item) => (item.key as { value?: unknown } | null)?.value === "name");
  const start = (pair?.key as Node | null)?.range?.[0];
  const end = (pair?.value as Node | null)?.range?.[1];
  if (!pair || start === undefined || end === undefined) return text;
  if (top.flow) {
    const copy = doc.clone();
    copy.delete("name");
    return copy.toString();
  }
  const first = lines.linePos(start).line;
  const last = lines.linePos(Math.max(start, end - 1)).line;
  return text
    .split("\n")
    .map((line, index) => (index + 1 >= first && index + 1 <= last ? "" : line))
    .join("\n");
}

/** Checks the file for stack `project`. */
export function validateCompose(text: string, project: string): ComposeFile {
  if (Buffer.byteLength(text) > MAX_COMPOSE_BYTES)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `The compose file is larger than ${MAX_COMPOSE_BYTES / 1024} KB.`,
    );
  const lines = new LineCounter();
  // YAML 1.2 as Compose v2 reads it ("no" is a string; 1.1's rules would even read "build: ." as a number), with
  // merge keys (<<: *defaults), which both Compose versions take.
  const doc = parseDocument(text, { merge: true, lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0)
    throw composeRefused({
      compose: doc.errors.slice(0, MAX_COMPOSE_ERRORS).map((error) => {
        const at = lines.linePos(error.pos[0]);
        return `line ${at.line}, column ${at.col}: ${error.message.split("\n")[0]}`;
      }),
    });
  let config: unknown;
  try {
    config = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw composeRefused({ compose: [`The YAML can't be read: ${(error as Error).message.split("\n")[0]}`] });
  }
  if (config === null || config === undefined)
    throw composeRefused({ compose: ["The file is empty: a stack needs at least one service."] });
  if (typeof config !== "object" || Array.isArray(config))
    throw composeRefused({
      compose: ["The file must be a mapping with services (and networks, volumes …) at its top."],
    });
  const { name: fileName, ...mapping } = config as Record<string, unknown>;
  const named = "name" in (config as object);
  // Keyed "compose": "name" is the stack name's own field.
  const nameProblem =
    named && fileName !== project
      ? `name: must equal the stack name ("${project}"), or be left out (line ${positionOf(doc, lines, ["name"])?.line ?? 1})`
      : null;
  const problems: PlacedError[] = [
    ...explainSchemaErrors(composeSchemaErrors(mapping)),
    ...composeRules(mapping),
  ];
  if (problems.length > 0 || nameProblem) {
    const fields: Record<string, string[]> = nameProblem ? { compose: [nameProblem] } : {};
    let listed = fields.compose?.length ?? 0;
    // In the order of the file, so the list reads top to bottom like the file does.
    const located = problems
      .map(({ segments, message }) => ({
        place: placeText(segments, mapping),
        at: positionOf(doc, lines, segments),
        message,
      }))
      .sort((a, b) => (a.at?.offset ?? 0) - (b.at?.offset ?? 0));
    for (const { place, at, message } of located) {
      const text = at ? `${message} (line ${at.line})` : message;
      if (fields[place]?.includes(text) || listed >= MAX_COMPOSE_ERRORS) continue;
      fields[place] = [...(fields[place] ?? []), text];
      listed += 1;
    }
    throw composeRefused(fields);
  }
  return {
    config: mapping,
    services: Object.keys(mapping.services as object),
    text: named ? withoutName(doc, text, lines) : text,
  };
}
