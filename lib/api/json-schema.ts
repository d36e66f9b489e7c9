// zod schemas as the JSON Schema (2020-12, OpenAPI 3.1's dialect) an OpenAPI document embeds: inputs as a client
// sends them (defaults optional, before transforms), answers as the server sends them.
import { z } from "zod";
import type { Operation } from "@/lib/api/operation";

export type JsonSchema = Record<string, unknown>;

export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: "draft-2020-12",
    io,
    // A date-time's or an email's format says it, and an integer's type: zod's long pattern and safe-integer
    // bounds only hide that in the reference (its examples showed 9007199254740991).
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === "date-time" || jsonSchema.format === "email") delete jsonSchema.pattern;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    },
  }) as JsonSchema;
  // Embedded in the document, a "#/$defs/…" reference would point at the document's root: none may be made.
  if ("$defs" in json) throw new Error("A schema of the API made $defs: give its parts no id.");
  return json;
}

type Parameter = {
  name: string;
  in: "path" | "query";
  required: boolean;
  description?: string;
  schema: JsonSchema;
};

function parametersIn(where: "path" | "query", schema: z.ZodObject | undefined): Parameter[] {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    // OpenAPI: a path parameter is always required.
    required: where === "path" || required.has(name),
    ...(typeof description === "string" ? { description } : {}),
    schema: property,
  }));
}

/** The operation's path parameters, then its query parameters, each described by its own schema. */
export function parametersOf(op: Operation): Parameter[] {
  return [...parametersIn("path", op.params), ...parametersIn("query", op.query)];
}
