// The OpenAPI 3.1 document of the API, built from the operations (lib/api/operations.ts) and their zod schemas:
// nothing about the API is written here a second time.
import { apiErrorSchema } from "@/lib/api/api-error";
import { type JsonSchema, jsonSchemaOf, parametersOf } from "@/lib/api/json-schema";
import type { Operation } from "@/lib/api/operation";
import { errorsOf } from "@/lib/api/operation-errors";
import { operations as allOperations } from "@/lib/api/operations";
import { SCOPE_LABELS, SCOPES } from "@/lib/tokens/scopes";

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  seed: "The seed's routes for the dashboard's dev and prod slots, kept as they were.",
  reference: "This document.",
};

const ERROR_REF = "#/components/schemas/ApiError";

function accessText(access: Operation["access"]): string {
  if (access === "public") return "**Access:** public: no session or token needed.";
  if (access === "admin")
    return "**Access:** admins only: an admin's session, or an admin's API token with the `admin` scope. Anyone else gets 404.";
  return `**Access:** a session, or an API token with the \`${access}\` scope.`;
}

function securityOf(access: Operation["access"]) {
  return access === "public" ? [] : [{ bearerToken: [access] }, { sessionCookie: [] }];
}

function errorResponse(codes: string[]): JsonSchema {
  return {
    description: `Error: ${codes.join(", ")}.`,
    content: {
      "application/json": {
        schema: {
          allOf: [{ $ref: ERROR_REF }, { properties: { error: { properties: { code: { enum: codes } } } } }],
        },
      },
    },
  };
}

function operationObject(op: Operation): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    if (!response) continue;
    const type = response.contentType ?? "application/json";
    const schema = response.schema ? jsonSchemaOf(response.schema, "output") : { type: "string" };
    responses[status] = { description: response.description, content: { [type]: { schema } } };
  }
  for (const { status, codes } of errorsOf(op)) responses[String(status)] = errorResponse(codes);
  const parameters = parametersOf(op);
  return {
    operationId: op.id,
    summary: op.summary,
    description: [accessText(op.access), op.description].filter(Boolean).join("\n\n"),
    tags: op.tags,
    security: securityOf(op.access),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchemaOf(op.body, "input") } },
          },
        }
      : {}),
    responses,
  };
}

function securitySchemes(serverUrl: string): Record<string, JsonSchema> {
  const scopes = SCOPES.map((scope) => `- \`${scope}\`: ${SCOPE_LABELS[scope]}`).join("\n");
  return {
    bearerToken: {
      type: "http",
      scheme: "bearer",
      bearerFormat: "spw_…",
      description: `An API token made on the site (Settings → API tokens), sent as \`Authorization: Bearer spw_…\`. It may do only what its scopes name, and never more than its owner:\n${scopes}`,
    },
    sessionCookie: {
      type: "apiKey",
      in: "cookie",
      // Auth.js names the cookie __Host-… when the site is served over HTTPS.
      name: serverUrl.startsWith("https:") ? "__Host-authjs.session-token" : "authjs.session-token",
      description:
        "A signed-in browser's session: it may do everything its account's role allows. Writes must come from the site itself (Origin).",
    },
  };
}

export function buildOpenApiDocument({
  serverUrl,
  operations = allOperations,
}: {
  serverUrl: string;
  operations?: Operation[];
}): OpenApiDocument {
  const paths: OpenApiDocument["paths"] = {};
  for (const op of operations) {
    paths[op.path] = { ...paths[op.path], [op.method]: operationObject(op) };
  }
  const tags = [...new Set(operations.flatMap((op) => op.tags))].map((name) => ({
    name,
    ...(TAG_DESCRIPTIONS[name] ? { description: TAG_DESCRIPTIONS[name] } : {}),
  }));
  return {
    openapi: "3.1.0",
    info: {
      title: "Spawner API",
      version: "1",
      description:
        "Per-user Docker workspaces. Every error answers `{ error: { code, message, fields?, details? }, timestamp, path }`; API tokens are rate-limited per token, calls without a valid token or session per address (429 with Retry-After).",
    },
    servers: [{ url: serverUrl }],
    tags,
    paths,
    components: {
      schemas: { ApiError: jsonSchemaOf(apiErrorSchema, "output") },
      securitySchemes: securitySchemes(serverUrl),
    },
  };
}
