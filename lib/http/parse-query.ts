// Query parameters checked with one zod schema, as bodies are (lib/http/parse-input.ts): a parameter the schema
// does not name is refused (a typo such as ?stauts= is an error, not a silently ignored filter).
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { parseInput } from "@/lib/http/parse-input";

export function parseQuery<T extends z.ZodType>(schema: T, request: NextRequest): z.infer<T> {
  return parseInput(schema, Object.fromEntries(request.nextUrl.searchParams));
}
