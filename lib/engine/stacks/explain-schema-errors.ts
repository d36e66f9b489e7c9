// ajv's errors in an admin's words, each at its place in the file. A value that fits none of a oneOf's forms
// yields one error per form; they are folded into the one that explains it (the form whose type matched), or
// into "must be a string or a list" when none did.
import type { ErrorObject } from "ajv";
import { FORMAT_HINTS } from "@/lib/engine/stacks/compose-formats";
import { placeOf, pointerSegments } from "@/lib/engine/stacks/compose-place";

export type PlacedError = { segments: string[]; message: string };

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "a mapping",
  array: "a list",
  null: "empty",
};

const TOP_LEVEL_KEYS = "version, services, networks, volumes, secrets, configs and x-… extensions";
const NAMED_MAPS = new Set(["services", "networks", "volumes", "secrets", "configs"]);

function words(list: string[]): string {
  const unique = [...new Set(list)];
  if (unique.length <= 1) return unique[0] ?? "";
  return `${unique.slice(0, -1).join(", ")} or ${unique.at(-1)}`;
}

function typesOf(error: ErrorObject): string[] {
  const type = (error.params as { type?: string | string[] }).type ?? [];
  return (Array.isArray(type) ? type : [type]).map((name) => TYPE_WORDS[name] ?? name);
}

const under = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/** Folds each failed oneOf/anyOf (deepest first) into the errors that explain it. */
function foldAlternatives(errors: ErrorObject[]): ErrorObject[] {
  let list = [...errors];
  const alternatives = list
    .filter((error) => error.keyword === "oneOf" || error.keyword === "anyOf")
    .sort((a, b) => b.instancePath.length - a.instancePath.length);
  for (const alternative of alternatives) {
    const at = alternative.instancePath;
    const typeErrors = list.filter((error) => error.keyword === "type" && error.instancePath === at);
    const specific = list.filter(
      (error) =>
        error !== alternative &&
        under(error.instancePath, at) &&
        !(error.keyword === "type" && error.instancePath === at) &&
        error.keyword !== "oneOf" &&
        error.keyword !== "anyOf",
    );
    if ((alternative.params as { passingSchemas?: unknown }).passingSchemas) continue;
    if (specific.length > 0) {
      list = list.filter((error) => error !== alternative && !typeErrors.includes(error));
    } else if (typeErrors.length > 0) {
      const merged: ErrorObject = {
        ...alternative,
        keyword: "type",
        params: { type: typeErrors.flatMap((error) => (error.params as { type: string | string[] }).type) },
      };
      list = list.filter((error) => error !== alternative && !typeErrors.includes(error));
      list.push(merged);
    }
  }
  return list;
}

function explain(error: ErrorObject, segments: string[]): PlacedError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const key = String(params.additionalProperty);
      const inside = segments.at(-1);
      if (segments.length === 0)
        // A top-level name never gets here: validate-compose.ts takes it out first.
        return { segments: [key], message: `is not a top-level key of a Compose file (${TOP_LEVEL_KEYS})` };
      if (segments.length === 1 && inside && NAMED_MAPS.has(inside))
        return {
          segments: [...segments, key],
          message: "is not a valid name: letters, digits, ., _ and - only",
        };
      return { segments: [...segments, key], message: "is not a key Compose knows here" };
    }
    case "required":
      return { segments: [...segments, String(params.missingProperty)], message: "is required" };
    case "type":
      return { segments, message: `must be ${words(typesOf(error))}` };
    case "enum":
      return {
        segments,
        message: `must be one of ${words((params.allowedValues as unknown[]).map((value) => JSON.stringify(value)))}`,
      };
    case "format":
      return { segments, message: FORMAT_HINTS[String(params.format)] ?? `is not a valid ${params.format}` };
    case "uniqueItems":
      return { segments, message: `lists the same item twice (items ${params.j} and ${params.i})` };
    case "oneOf":
    case "anyOf":
      return { segments, message: "fits none of the forms Compose allows here" };
    default:
      return { segments, message: error.message ?? "is not valid" };
  }
}

/** Each schema error at its place (segments from the file's root) with what is wrong. */
export function explainSchemaErrors(errors: ErrorObject[]): PlacedError[] {
  return foldAlternatives(errors).map((error) => explain(error, pointerSegments(error.instancePath)));
}

/** The place in compose terms, e.g. services.web.ports[0]. */
export function placeText(segments: string[], data: unknown): string {
  return placeOf(segments, data) || "file";
}
