// Reads a small JSON body and validates it with one zod schema; every failure is a clear 4xx.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validations/field-errors";

const MAX_BODY_BYTES = 16 * 1024;

export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", {
      fields: fieldErrors(result.error),
    });
  }
  return result.data;
}
