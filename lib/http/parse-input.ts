// Parse at the edge: a value from a request body or an action argument checked with one zod schema. Every field
// problem goes back at once, keyed by field (VALIDATION_FAILED, 400).
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { fieldErrors } from "@/lib/validations/field-errors";

export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success)
    throw new AppError("VALIDATION_FAILED", "Some fields are not valid.", {
      fields: fieldErrors(result.error),
    });
  return result.data;
}

/** An id argument: a short string, or a 404 of the given kind (an id that can't exist is not found). */
export function parseId(value: unknown, notFound: () => AppError): string {
  if (typeof value !== "string" || !/^[a-z0-9-]{1,64}$/i.test(value)) throw notFound();
  return value;
}
