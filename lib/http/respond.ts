// JSON responses: success bodies and the one error translation.
import { NextResponse } from "next/server";
import { type ApiErrorBody, describeError } from "@/lib/errors";

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** The error as the API answers it: `{ error: { code, message, details? }, timestamp, path }` (path: the URL path). */
export function errorResponse(error: unknown, path: string): NextResponse {
  const { status, body, headers } = describeError(error, "api");
  const answer: ApiErrorBody = { ...body, timestamp: new Date().toISOString(), path };
  return NextResponse.json(answer, { status, headers: { ...headers, "Cache-Control": "no-store" } });
}
