// JSON responses: success bodies and the one error translation.
import { NextResponse } from "next/server";
import { describeError } from "@/lib/errors";

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

export function errorResponse(error: unknown): NextResponse {
  const { status, body, headers } = describeError(error, "api");
  return NextResponse.json(body, { status, headers: { ...headers, "Cache-Control": "no-store" } });
}
