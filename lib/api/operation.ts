// One operation of the versioned API, described once: the route handler parses its input with these schemas, the
// OpenAPI document (lib/api/openapi-document.ts) is generated from them, and the tests check every answer against
// them. Schemas are zod; nothing about the API is written twice.
import type { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import type { Scope } from "@/lib/tokens/scopes";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export type OperationResponse = {
  description: string;
  /** The JSON body; omitted for a body of another type (contentType) or none. */
  schema?: z.ZodType;
  /** Another content type than application/json (a CSV export, a text exposition, an event stream). */
  contentType?: string;
};

export type Operation = {
  /** Unique, camelCase: listWorkspaces, stopWorkspace … */
  id: string;
  method: HttpMethod;
  /** As OpenAPI writes it: /api/v1/workspaces/{id} */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** Who may call it: "public" needs no caller; a scope needs a session or a token with it. */
  access: "public" | Scope;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Successful answers by status. */
  responses: Partial<Record<number, OperationResponse>>;
  /** The error answers it may give, by status, each `{ error: { code, message, details? }, timestamp, path }`. */
  errors: { status: number; codes: ErrorCode[] }[];
};

export function operation(op: Operation): Operation {
  return op;
}
