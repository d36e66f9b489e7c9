// Auth.js endpoints, narrowed: links are spent only by the confirmation form's POST, and links are requested
// only through /api/auth/magic-link (which rate-limits).
import { type NextRequest, NextResponse } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { pinRedirectToOrigin } from "@/lib/auth/canonical-redirect";
import { CONFIRM_PATH } from "@/lib/auth/magic-link-url";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";
import { assertSameOrigin } from "@/lib/http/same-origin";

const EMAIL_CALLBACK = "/api/auth/callback/nodemailer";

// Auth.js answers errors with Response.redirect, whose headers are immutable: copy them instead of setting.
async function pinned(response: Promise<Response>): Promise<Response> {
  const res = await response;
  const location = res.headers.get("location");
  if (!location) return res;
  const headers = new Headers(res.headers);
  headers.set("location", pinRedirectToOrigin(location, getEnv().APP_URL));
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

// GET /api/auth/* — a GET of the email callback (an old-style link or a scanner) only shows the confirmation page.
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname === EMAIL_CALLBACK) {
    const confirm = new URL(CONFIRM_PATH, request.nextUrl);
    confirm.search = request.nextUrl.search;
    return NextResponse.redirect(confirm, 303);
  }
  return pinned(handlers.GET(request));
}

// POST /api/auth/* — sign-out, session and the confirmation form; the raw email sign-in is closed.
export async function POST(request: NextRequest) {
  try {
    assertSameOrigin(request.headers);
    if (request.nextUrl.pathname.startsWith("/api/auth/signin/")) {
      throw new AppError("NOT_FOUND", "Request sign-in links with POST /api/auth/magic-link.");
    }
  } catch (error) {
    return errorResponse(error, request.nextUrl.pathname);
  }
  return pinned(handlers.POST(request));
}
