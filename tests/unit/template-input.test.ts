// The template schema (form and API), what counts as a new version, and the defaults parsed by the environment's
// own schema: pure, so tested as data.
import { describe, expect, it } from "vitest";
import { maximaBelowDefaults, mergeDefaults, parseDefaultsOverride } from "@/lib/defaults/defaults";
import { parseEnv } from "@/lib/env";
import { madeFromChanges } from "@/lib/templates/template-version";
import { fieldErrors } from "@/lib/validations/field-errors";
import { templateInputSchema, templatePatchSchema } from "@/lib/validations/template";

const good = {
  name: "tools",
  display_name: "Tools",
  image: "spawner-dev:latest",
  apps: [{ name: "web", port: 8080, primary: true }],
  limits: { default: { memory_mb: 64, cpus: 0.5, pids: 64 }, max: { memory_mb: 128, cpus: 1, pids: 128 } },
};
const errorsOf = (value: unknown) => {
  const result = templateInputSchema.safeParse(value);
  return result.success ? {} : fieldErrors(result.error);
};

describe("template input", () => {
  it("takes a whole template, with a description and data path by default", () => {
    expect(templateInputSchema.parse(good)).toMatchObject({ description: "", data_path: "/workspace" });
  });

  it("names every bad field at once, a limit checked against its maximum even when another is wrong", () => {
    const errors = errorsOf({
      ...good,
      name: "-bad-",
      image: "not an image",
      apps: [
        { name: "web", port: 8080, primary: true },
        { name: "web", port: 8080, primary: true, health_path: "nope" },
      ],
      limits: {
        default: { memory_mb: 256, cpus: 1, pids: 64 },
        max: { memory_mb: 128, cpus: "x", pids: 64 },
      },
      data_path: "/proc/data",
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "apps",
        "apps.1.health_path",
        "apps.1.name",
        "apps.1.port",
        "data_path",
        "image",
        "limits.max.cpus",
        "limits.max.memory_mb",
        "name",
      ].sort(),
    );
  });

  it.each([
    ["no app", []],
    [
      "nine apps",
      Array.from({ length: 9 }, (_, index) => ({
        name: `a${index}x`,
        port: 1000 + index,
        primary: index === 0,
      })),
    ],
    ["no primary", [{ name: "web", port: 8080 }]],
    ["a port out of range", [{ name: "web", port: 70000, primary: true }]],
    ["a two-letter name", [{ name: "ui", port: 8080, primary: true }]],
  ])("refuses %s", (_, apps) => {
    expect(Object.keys(errorsOf({ ...good, apps })).some((key) => key.startsWith("apps"))).toBe(true);
  });

  it.each(["workspace", "/", "/data/", "/a/../b", "/etc", "/usr/local"])(
    "refuses the data path %s",
    (path) => {
      expect(errorsOf({ ...good, data_path: path }).data_path).toBeDefined();
    },
  );

  it("takes the idle timeout and maximum lifetime in whole minutes from 0 (30 and none by default)", () => {
    expect(templateInputSchema.parse(good)).toMatchObject({
      idle_timeout_minutes: 30,
      max_lifetime_minutes: 0,
    });
    expect(
      templateInputSchema.parse({ ...good, idle_timeout_minutes: 0, max_lifetime_minutes: 600 }),
    ).toMatchObject({ idle_timeout_minutes: 0, max_lifetime_minutes: 600 });
    expect(
      Object.keys(errorsOf({ ...good, idle_timeout_minutes: 2.5, max_lifetime_minutes: -1 })).sort(),
    ).toEqual(["idle_timeout_minutes", "max_lifetime_minutes"]);
    expect(errorsOf({ ...good, idle_timeout_minutes: "30" }).idle_timeout_minutes).toBeDefined();
  });

  it("lets a change leave out what it does not change (no defaults filled in)", () => {
    expect(templatePatchSchema.parse({ display_name: "New" })).toEqual({ display_name: "New" });
  });
});

describe("template versions", () => {
  const base = { image: "a:1", apps: '[{"name":"web","port":8080,"primary":true}]', dataPath: "/workspace" };
  it("counts image, apps and data path, not the JSON spelling", () => {
    expect(madeFromChanges(base, { ...base, apps: [{ name: "web", port: 8080, primary: true }] })).toEqual(
      [],
    );
    expect(madeFromChanges(base, { ...base, image: "a:2", dataPath: "/data" })).toEqual([
      "image",
      "dataPath",
    ]);
    expect(madeFromChanges(base, { ...base, apps: [{ name: "web", port: 8081, primary: true }] })).toEqual([
      "apps",
    ]);
  });
});

describe("container defaults", () => {
  const env = parseEnv({ AUTH_SECRET: "x".repeat(32) });
  it("checks each value with the environment's own schema, by its name", () => {
    expect(
      parseDefaultsOverride({ CONTAINER_MEMORY: "1g", CONTAINER_CPUS: 1.5, CONTAINER_PIDS_LIMIT: "" }),
    ).toEqual({
      ok: true,
      override: { CONTAINER_MEMORY: "1g", CONTAINER_CPUS: "1.5" },
    });
    const bad = parseDefaultsOverride({
      CONTAINER_MEMORY: "8k",
      CONTAINER_NETWORK: "x",
      USER_TEMPLATE_IMAGE_DEV: {},
    });
    expect(bad.ok ? [] : Object.keys(bad.fields).sort()).toEqual([
      "CONTAINER_MEMORY",
      "CONTAINER_NETWORK",
      "USER_TEMPLATE_IMAGE_DEV",
    ]);
  });

  it("lays the override over the environment and finds a maximum below its default", () => {
    const merged = mergeDefaults(env, { CONTAINER_MEMORY: "4g", CONTAINER_CPUS: "0.25" });
    expect(merged).toMatchObject({ CONTAINER_MEMORY: 4 * 1024 ** 3, CONTAINER_CPUS: 0.25 });
    expect(merged.CONTAINER_MAX_CPUS).toBe(env.CONTAINER_MAX_CPUS);
    expect(Object.keys(maximaBelowDefaults(merged))).toEqual(["CONTAINER_MAX_MEMORY"]);
  });
});
