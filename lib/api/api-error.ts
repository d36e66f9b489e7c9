// The error body every API answer of 4xx or 5xx has: `{ error: { code, message, fields?, details? }, timestamp, path }`
// (lib/http/respond.ts errorResponse), one schema for the document and the tests.
import { z } from "zod";
import { sameType } from "@/lib/api/same-type";
import { type ApiErrorBody, type ErrorCode, errorStatus } from "@/lib/errors";

export const ERROR_CODES = Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]];

export const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.enum(ERROR_CODES).describe("Stable, machine-readable: what went wrong."),
    message: z.string().describe("For people: what happened and what to do."),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("Each bad input field (dotted path) with every problem it has."),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .describe("What a client can act on, such as a quota's limit and current use."),
  }),
  timestamp: z.iso.datetime().describe("When the error happened (UTC)."),
  path: z.string().describe("The URL path that was asked."),
});
sameType<z.output<typeof apiErrorSchema>, ApiErrorBody>();

/** One item's failure inside a successful answer (a bulk action's result, a workspace a verb could not stop). */
export const itemErrorSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });
