// Reads a small JSON body and validates it with one zod schema; every failure is a clear 4xx.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/http/parse-input";

const MAX_BODY_BYTES = 16 * 1024;

/** Reads a JSON body of at most maxBytes (16 KiB unless said: workspace settings carry secret files). */
export async function readJson<T extends z.ZodType>(
  request: Request,
  schema: T,
  maxBytes = MAX_BODY_BYTES,
): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  return parseInput(schema, data);
}
