import { NextResponse } from "next/server";
import { buildOpenApiDocument, type OpenApiDocument } from "@/lib/api/openapi-document";
import { getEnv } from "@/lib/env";
import { withPublic } from "@/lib/http/route";

// Built once per process: it depends on the code and APP_URL only.
let built: OpenApiDocument | undefined;

// GET /api/v1/openapi.json — the API's OpenAPI 3.1 document, generated from the schemas the routes parse with.
export const GET = withPublic(
  async () => {
    built ??= buildOpenApiDocument({ serverUrl: getEnv().APP_URL });
    return NextResponse.json(built, { headers: { "Cache-Control": "public, max-age=300" } });
  },
  { rateLimited: true },
);
