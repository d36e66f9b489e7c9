// An answer checked against what the API documents: the operation's response schema for that status, or, for an
// error, the error schema and one of the codes the operation lists for that status. A route that answers something
// its schema does not allow fails the test that fetched it, with what was wrong.
import { z } from "zod";
import { apiErrorSchema } from "@/lib/api/api-error";
import type { Operation } from "@/lib/api/operation";
import { errorsOf } from "@/lib/api/operation-errors";
import { operations } from "@/lib/api/operations";

function operationNamed(id: string): Operation {
  const found = operations.find((op) => op.id === id);
  if (!found) throw new Error(`No operation "${id}" in lib/api/operations.ts.`);
  return found;
}

function refuse(op: Operation, status: number, why: string, body: unknown): never {
  const shown = typeof body === "string" ? body : JSON.stringify(body, null, 2);
  throw new Error(
    `${op.method.toUpperCase()} ${op.path} (${op.id}) answered ${status}: ${why}\nThe body:\n${(shown ?? "").slice(0, 3000)}`,
  );
}

/** body: the parsed JSON (or the text of an answer of another content type). */
export function expectConforms(operationId: string, status: number, body: unknown): void {
  const op = operationNamed(operationId);
  const success = op.responses[status];
  if (success) {
    if (!success.schema) {
      if (typeof body !== "string") refuse(op, status, `expected ${success.contentType} text`, body);
      return;
    }
    const parsed = success.schema.safeParse(body);
    if (!parsed.success)
      refuse(op, status, `a body its schema does not allow:\n${z.prettifyError(parsed.error)}`, body);
    return;
  }
  const errors = errorsOf(op);
  const listed = errors.find((error) => error.status === status);
  if (!listed)
    refuse(
      op,
      status,
      `a status it does not document (it documents ${[...Object.keys(op.responses), ...errors.map((e) => e.status)].join(", ")})`,
      body,
    );
  const parsed = apiErrorSchema.safeParse(body);
  if (!parsed.success)
    refuse(
      op,
      status,
      `an error body the error schema does not allow:\n${z.prettifyError(parsed.error)}`,
      body,
    );
  if (!listed.codes.includes(parsed.data.error.code))
    refuse(
      op,
      status,
      `the code ${parsed.data.error.code}, not one it lists (${listed.codes.join(", ")})`,
      body,
    );
}
