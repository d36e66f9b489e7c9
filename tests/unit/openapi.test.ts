// The OpenAPI document is valid OpenAPI 3.1, and it and the app agree: every route under app/api/v1/ (and each seed
// route it documents) has its operation and the other way round, with the wrapper its access says; and the answer
// check used by the integration tests refuses what a schema does not allow.
import { existsSync } from "node:fs";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";
import { errorsOf } from "@/lib/api/operation-errors";
import { operations } from "@/lib/api/operations";
import { errorStatus } from "@/lib/errors";
import { exportedBindings, exportedMethods, routeFiles, wrapperOf } from "../support/app-routes";
import { expectAnswerConforms, expectConforms, operationFor } from "../support/conforms";

const document = buildOpenApiDocument({ serverUrl: "https://spawner.example" });

/** app/api/v1/admin/users/[id]/route.ts -> /api/v1/admin/users/{id} */
const pathOf = (file: string) =>
  file
    .replace(/^app/, "")
    .replace(/\/route\.ts$/, "")
    .replace(/\[([^\]]+)\]/g, "{$1}");
const fileOf = (path: string) => `app${path.replace(/\{([^}]+)\}/g, "[$1]")}/route.ts`;

/** Every schema object of the document: components, parameters, bodies and answers. */
function schemasOf(doc: typeof document): [string, object][] {
  const found: [string, object][] = Object.entries(doc.components.schemas);
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const where = `${method} ${path}`;
      const parameters = (op.parameters ?? []) as { name: string; schema: object }[];
      for (const parameter of parameters) found.push([`${where} ${parameter.name}`, parameter.schema]);
      const bodies = [
        ["body", op.requestBody],
        ...Object.entries(op.responses as Record<string, unknown>),
      ] as [string, { content?: Record<string, { schema: object }> } | undefined][];
      for (const [name, body] of bodies)
        for (const content of Object.values(body?.content ?? {}))
          found.push([`${where} ${name}`, content.schema]);
    }
  return found;
}

const WRAPPER_OF_ACCESS = (access: string) =>
  access === "public" ? "withPublic" : access === "admin" ? "withAdmin" : "withUser";

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://spawner.example" }]);
  });

  it("embeds only valid JSON Schema 2020-12 (OpenAPI 3.1's dialect), none of it empty", () => {
    const ajv = new Ajv2020({ strict: false });
    const schemas = schemasOf(document);
    expect(schemas.length).toBeGreaterThan(50);
    for (const [where, schema] of schemas) {
      expect(ajv.validateSchema(schema), `${where}: ${JSON.stringify(ajv.errors)}`).toBe(true);
      expect(Object.keys(schema).length, `${where} says nothing`).toBeGreaterThan(0);
    }
  });

  it("has every route under app/api/v1/ and every method it exports", () => {
    const routes = routeFiles("app/api/v1").flatMap((file) =>
      exportedMethods(file).map((method) => `${method} ${pathOf(file)}`),
    );
    const documented = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`);
    expect(routes.length).toBeGreaterThanOrEqual(17);
    expect(routes.filter((route) => !documented.includes(route))).toEqual([]);
  });

  it("documents only routes that exist, each made by the wrapper its access says", () => {
    for (const op of operations) {
      const file = fileOf(op.path);
      expect(existsSync(file), `${op.id}: ${file}`).toBe(true);
      const binding = exportedBindings(file).find((b) => b.name === op.method.toUpperCase());
      expect(binding, `${op.id}: ${file} exports ${op.method.toUpperCase()}`).toBeDefined();
      expect(binding && wrapperOf(binding), op.id).toBe(WRAPPER_OF_ACCESS(op.access));
    }
  });

  it("names each operation once, and each path parameter in its params schema", () => {
    const ids = operations.map((op) => op.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    for (const op of operations) {
      expect(op.id).toMatch(/^[a-z][a-zA-Z]+$/);
      const inPath = [...op.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
      expect(Object.keys(op.params?.shape ?? {}), op.id).toEqual(inPath);
      const methods = operations.filter((other) => other.path === op.path).map((other) => other.method);
      expect(
        methods.filter((method) => method === op.method),
        op.path,
      ).toHaveLength(1);
    }
  });

  it("lists each error code under its own status", () => {
    for (const op of operations)
      for (const { status, codes } of errorsOf(op))
        for (const code of codes)
          expect(`${op.id} ${code} ${errorStatus[code]}`).toBe(`${op.id} ${code} ${status}`);
  });

  it("gives every operation its access, in security and in words", () => {
    const admin = document.paths["/api/v1/admin/users"]?.get;
    expect(admin?.security).toEqual([{ bearerToken: ["admin"] }, { sessionCookie: [] }]);
    expect(String(admin?.description)).toContain("admins only");
    expect(document.paths["/api/v1/openapi.json"]?.get?.security).toEqual([]);
    expect(document.paths["/api/user/containers"]?.get?.tags).toEqual(["seed"]);
  });
});

describe("expectConforms", () => {
  const orphan = { name: "v", created_at: null, owner: null, workspace_id: null };
  const error = (code: string) => ({
    error: { code, message: "m" },
    timestamp: new Date().toISOString(),
    path: "/api/v1/admin/orphans",
  });

  it("takes an answer its schema allows", () => {
    expectConforms("adminListOrphans", 200, { workloads: [], volumes: [orphan] });
    expectConforms("adminListOrphans", 404, error("NOT_FOUND"));
    expectConforms("adminExportAudit", 200, '"time"\r\n');
  });

  it("refuses a field the schema does not have, a missing one, a wrong status or code", () => {
    expect(() =>
      expectConforms("adminListOrphans", 200, { workloads: [], volumes: [{ ...orphan, extra: 1 }] }),
    ).toThrow(/does not allow[\s\S]*extra/);
    expect(() => expectConforms("adminListOrphans", 200, { workloads: [] })).toThrow(/volumes/);
    expect(() => expectConforms("adminListOrphans", 418, error("CONFLICT"))).toThrow(/does not document/);
    expect(() => expectConforms("adminListOrphans", 404, error("USER_NOT_FOUND"))).toThrow(
      /not one it lists/,
    );
    expect(() => expectConforms("adminListOrphans", 404, { error: "no" })).toThrow(/error schema/);
    expect(() => expectConforms("noSuchOperation", 200, {})).toThrow(/No operation/);
  });

  it("finds a request's operation by method and path, and fails an /api/v1/ route the document lacks", () => {
    expect(operationFor("DELETE", "/api/v1/admin/orphans/volumes/v1?confirm=v1")?.id).toBe(
      "adminRemoveOrphanVolume",
    );
    expect(operationFor("POST", "/api/v1/admin/orphans/volumes/v1/give")?.id).toBe("adminGiveOrphanVolume");
    expect(operationFor("POST", "/api/container/launch/dev")?.id).toBe("launchContainer");
    expect(operationFor("GET", "/api/v1/admin/orphansx")).toBeNull();
    const answer = { status: 200, contentType: "application/json", text: "{}" };
    expect(() => expectAnswerConforms({ method: "GET", url: "/api/v1/nothing" }, answer)).toThrow(
      /not in the OpenAPI/,
    );
    expectAnswerConforms({ method: "GET", url: "/api/workspaces" }, answer);
  });
});
