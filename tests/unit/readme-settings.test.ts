// The README's Settings table and lib/env.ts agree: the same variables, and each documented default is what
// parseEnv gives when nothing but AUTH_SECRET is set. A schema key without a README row (or a row without a key) fails.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { type Env, envSchema, parseEnv } from "@/lib/env";

const secret = "s".repeat(32);
const defaults = parseEnv({ AUTH_SECRET: secret });

type Row = { names: string[]; defaults: string[]; cell: string };

/** The rows of the table under "## Settings": names from the first column, the default cell split per name. */
function settingsTable(markdown: string): Row[] {
  const section = /^## Settings\n([\s\S]*?)(?=^## )/m.exec(markdown)?.[1];
  if (!section) throw new Error('README.md has no "## Settings" section');
  const lines = section.split("\n").filter((line) => line.startsWith("|"));
  const [header, separator, ...body] = lines;
  if (!header?.includes("Variable") || !/^\|[\s|-]+\|$/.test(separator ?? ""))
    throw new Error("the Settings section has no Variable | Default | Meaning table");
  return body.map((line) => {
    const cells = line
      .slice(1, -1)
      .split("|")
      .map((cell) => cell.trim());
    if (cells.length !== 3) throw new Error(`a Settings row without 3 cells: ${line}`);
    const [first = "", cell = ""] = cells;
    const names = expandNames(first, line);
    // "`a` / `b`" gives one default per name; a single value applies to every name of the row.
    const parts = cell.split(" / ");
    return { names, defaults: parts.length === names.length ? parts : names.map(() => cell), cell };
  });
}

/** "`USER_TEMPLATE_IMAGE_DEV` / `_PROD`" -> USER_TEMPLATE_IMAGE_DEV, USER_TEMPLATE_IMAGE_PROD. */
function expandNames(cell: string, line: string): string[] {
  const parts = cell.split(" / ").map((part) => /^`([A-Z0-9_]+)`$/.exec(part)?.[1]);
  const [first, ...rest] = parts;
  if (!first || /^_/.test(first) || rest.some((part) => !part))
    throw new Error(`a Settings row whose first column is not \`NAME\` [/ \`NAME\` or \`_SUFFIX\`]: ${line}`);
  const stem = first.slice(0, first.lastIndexOf("_"));
  return [first, ...rest.map((part) => (part?.startsWith("_") ? `${stem}${part}` : (part ?? "")))];
}

const literal = (cell: string) => /^`([^`]*)`$/.exec(cell)?.[1];

// Defaults the README describes rather than spells, each with the check that it is true. A new kind of prose
// default fails below until it gets a check here.
const DESCRIBED: Record<string, { text: string; check: () => void }> = {
  APP_URL: {
    text: "`http://localhost:$PORT`",
    check: () => {
      expect(defaults.APP_URL).toBe(`http://localhost:${defaults.PORT}`);
      expect(parseEnv({ AUTH_SECRET: secret, PORT: "4567" }).APP_URL).toBe("http://localhost:4567");
    },
  },
  AUTH_SECRET: {
    text: "generated into `./data/auth-secret`",
    check: () => {
      expect(() => parseEnv({})).toThrow("AUTH_SECRET is required");
      // The start scripts' own step, run in an empty folder: it writes the file and the secret passes parseEnv.
      const dir = mkdtempSync(path.join(tmpdir(), "spawner-readme-secret-"));
      try {
        const common = path.resolve("scripts/lib/common.sh");
        const script = `. "${common}" && unset AUTH_SECRET && ensure_auth_secret && printf %s "$AUTH_SECRET"`;
        const generated = execFileSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
        expect(readFileSync(path.join(dir, "data/auth-secret"), "utf8")).toBe(generated);
        expect(parseEnv({ AUTH_SECRET: generated }).AUTH_SECRET).toBe(generated);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
  DOCKER_HOST: {
    text: "local socket",
    check: () => {
      expect(defaults.DOCKER_HOST).toBeUndefined();
      // Unset, dockerode dials the local Unix socket.
      const saved = process.env.DOCKER_HOST;
      delete process.env.DOCKER_HOST;
      try {
        const modem = (new Docker() as unknown as { modem: { socketPath?: unknown; host?: unknown } }).modem;
        expect(modem.host).toBeUndefined();
        expect(modem.socketPath).toBeDefined();
      } finally {
        if (saved !== undefined) process.env.DOCKER_HOST = saved;
      }
    },
  },
  WORKSPACE_CERT_RESOLVER: {
    text: "`TRAEFIK_CERT_RESOLVER`'s",
    check: () => {
      expect(defaults.WORKSPACE_CERT_RESOLVER).toBe(defaults.TRAEFIK_CERT_RESOLVER);
      const env = parseEnv({ AUTH_SECRET: secret, TRAEFIK_CERT_RESOLVER: "" });
      expect(env.WORKSPACE_CERT_RESOLVER).toBe("");
    },
  },
  APP_HOST: {
    text: "host of `APP_URL`",
    check: () => {
      expect(defaults.APP_HOST).toBe(new URL(defaults.APP_URL).hostname);
      const env = parseEnv({ AUTH_SECRET: secret, APP_URL: "https://spawner.example.org:8443" });
      expect(env.APP_HOST).toBe("spawner.example.org");
    },
  },
  FORWARD_AUTH_URL: {
    text: "`APP_URL/api/forward-auth`",
    check: () => {
      expect(defaults.FORWARD_AUTH_URL).toBe(`${defaults.APP_URL}/api/forward-auth`);
      const env = parseEnv({ AUTH_SECRET: secret, APP_URL: "https://spawner.example.org" });
      expect(env.FORWARD_AUTH_URL).toBe("https://spawner.example.org/api/forward-auth");
    },
  },
};

const rows = settingsTable(readFileSync("README.md", "utf8"));
const documented = rows.flatMap((row) => row.names);
const cases = rows.flatMap((row) =>
  row.names.map((name, index) => ({ name, cell: row.defaults[index] ?? "" })),
);

describe("README Settings table", () => {
  it("is read as a table of many rows, with split rows expanded", () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(documented).toContain("USER_TEMPLATE_IMAGE_PROD");
    expect(documented).toContain("TEST_FAULT_DELAY_MS");
    expect(new Set(documented).size).toBe(documented.length);
    expect(() => settingsTable("# x\n## Settings\n\nno table\n## Next\n")).toThrow(/no Variable/);
    const oneRow = settingsTable(
      "## Settings\n| Variable | Default | Meaning |\n| - | - | - |\n| `A_DEV` / `_PROD` | `1` / `2` | x |\n## End\n",
    );
    expect(oneRow).toEqual([{ names: ["A_DEV", "A_PROD"], defaults: ["`1`", "`2`"], cell: "`1` / `2`" }]);
  });

  it("names exactly the variables lib/env.ts parses", () => {
    const parsed = Object.keys(envSchema.shape).sort();
    expect({
      "in lib/env.ts but not the README": parsed.filter((name) => !documented.includes(name)),
      "in the README but not lib/env.ts": documented.filter((name) => !parsed.includes(name)),
    }).toEqual({ "in lib/env.ts but not the README": [], "in the README but not lib/env.ts": [] });
  });

  it.each(cases)("documents the default of $name as parseEnv has it ($cell)", ({ name, cell }) => {
    const key = name as keyof Env;
    const described = DESCRIBED[name];
    if (described) {
      expect(cell, `${name}'s described default changed: update its check here`).toBe(described.text);
      described.check();
      return;
    }
    if (cell === "unset") {
      expect(defaults[key]).toBeUndefined();
      return;
    }
    if (cell === "empty") {
      expect(defaults[key]).toSatisfy(
        (value) => value === "" || (Array.isArray(value) && value.length === 0),
      );
      return;
    }
    const value = literal(cell);
    expect(
      value,
      `${name}'s default "${cell}" is neither a \`literal\`, unset, empty nor described`,
    ).toBeDefined();
    // The documented spelling, parsed the way the environment would be, gives the default itself.
    expect(defaults[key], `${name} has no default in lib/env.ts`).toBeDefined();
    expect(parseEnv({ AUTH_SECRET: secret, [name]: value })[key]).toEqual(defaults[key]);
    // Strings are compared as spelled too (sizes and lists are compared parsed, above).
    if (typeof defaults[key] === "string") expect(defaults[key]).toBe(value);
  });
});
