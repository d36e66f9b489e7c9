// JSON responses: success bodies and the one error translation.
import { NextResponse } from "next/server";
import { toErrorBody } from "@/lib/errors";

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function errorResponse(error: unknown): NextResponse {
  const { status, body, headers } = toErrorBody(error);
  if (status >= 500 && status !== 503) console.error("[api] unexpected error:", error);
  return NextResponse.json(body, { status, headers: { ...headers, "Cache-Control": "no-store" } });
}
