// The Compose Specification's JSON schema, checked with ajv. compose-spec.json is the schema Debian's docker-compose
// 1.29 ships (/usr/lib/python3/dist-packages/compose/config/compose_spec.json, from github.com/docker/compose,
// Apache-2.0), vendored as is: the same rules the tool here validates with, before anything runs.
import Ajv, { type ErrorObject } from "ajv";
import { COMPOSE_FORMATS } from "@/lib/engine/stacks/compose-formats";
import spec from "@/lib/engine/stacks/compose-spec.json";

/** The schema without its draft-04 "id"s (ajv 8 refuses them; every $ref here is from the root anyway). */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, inner]) => !((key === "id" || key === "$schema") && typeof inner === "string"))
      .map(([key, inner]) => [key, withoutIds(inner)]),
  );
}

let compiled: ((data: unknown) => ErrorObject[]) | undefined;

/** Every schema error of the data (allErrors: the admin sees all of them at once). */
export function composeSchemaErrors(data: unknown): ErrorObject[] {
  if (!compiled) {
    const ajv = new Ajv({
      allErrors: true,
      strictTypes: false,
      strictTuples: false,
      strictRequired: false,
      formats: COMPOSE_FORMATS,
    });
    const validate = ajv.compile(withoutIds(spec) as object);
    compiled = (value) => (validate(value) ? [] : [...(validate.errors ?? [])]);
  }
  return compiled(data);
}
