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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The operation a request goes to, by its method and path (/api/v1/admin/users/u1 -> …/users/{id}). */
export function operationFor(method: string, url: string): Operation | null {
  const path = new URL(url, "http://test.invalid").pathname;
  return (
    operations.find((op) => {
      if (op.method !== method.toLowerCase()) return false;
      const pattern = op.path
        .split(/\{[^}]+\}/)
        .map(escapeRegExp)
        .join("[^/]+");
      return new RegExp(`^${pattern}$`).test(path);
    }) ?? null
  );
}

/**
 * For a test's request helper: every answer of a documented route is checked as expectConforms does, and a call
 * to an /api/v1/ route the document lacks fails. Other routes are not checked.
 */
export function expectAnswerConforms(
  request: { method: string; url: string },
  response: { status: number; contentType: string | null; text: string },
): void {
  const op = operationFor(request.method, request.url);
  if (!op) {
    if (new URL(request.url, "http://test.invalid").pathname.startsWith("/api/v1/"))
      throw new Error(
        `${request.method} ${request.url} is not in the OpenAPI document (lib/api/operations.ts).`,
      );
    return;
  }
  const json = response.contentType?.startsWith("application/json");
  expectConforms(op.id, response.status, json ? JSON.parse(response.text) : response.text);
}
