// Generated hostile inputs: path tricks, encodings, control characters, unicode, huge and wrongly typed values.
const BASE = [
  "",
  " ",
  "dev ",
  "DEV",
  "Dev",
  "prod.",
  "dev/",
  "..",
  "../dev",
  "..%2fdev",
  "%2e%2e",
  "dev%00",
  "dev\u0000",
  "\u0000",
  "dev\n",
  "\r\n",
  "`rm -rf /`",
  "$(id)",
  "dev;ls",
  "dev|cat",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  '{"a":1}',
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "dev\u202e",
  "dеv",
  "ｄｅｖ",
  "🐳",
  "\uFEFFdev",
  "%",
  "%%",
  "%zz",
  "%u0064ev",
  "dev?x=1",
  "dev#frag",
  "\\dev",
  "//dev",
  "C:\\Windows",
  "/etc/passwd",
  "....//....//etc/passwd",
  "a".repeat(300),
  "a".repeat(5000),
  "staging",
  "admin",
  "__proto__",
  "constructor",
];

/** Each base value raw, percent-encoded once and twice, so routing and decoding are both exercised. */
export function badPathSegments(): string[] {
  const values = new Set<string>();
  for (const value of BASE) {
    const once = encodeURIComponent(value);
    values.add(once);
    values.add(encodeURIComponent(once));
    // Raw where a URL can carry it at all.
    // Raw where a URL can carry it as one segment (a raw "/" or "\\" would just be another path).
    if (/^[\x21-\x7e]*$/.test(value) && !/[#?/\\]/.test(value) && value !== "..") values.add(value);
  }
  // Already-encoded invalid UTF-8: a lone surrogate, overlong dots, a stray byte.
  for (const raw of ["%ED%A0%80", "%C0%AE%C0%AE", "%ff", "%c0%af"]) values.add(raw);
  return [...values].filter((value) => value !== "dev" && value !== "prod" && value !== "");
}

/** Bodies of the wrong shape and type for JSON endpoints. */
export function badJsonBodies(): string[] {
  const fields = [
    null,
    0,
    -1,
    true,
    [],
    {},
    "x".repeat(300),
    "a@",
    "@b.c",
    "a@b",
    "a b@c.d",
    "<x>@y.z",
    "\u0000@x.y",
  ];
  const bodies = [
    "",
    "{",
    "[",
    "null",
    "true",
    "1",
    '"str"',
    "[]",
    "{}",
    '{"email":',
    "\u0000",
    "{'email':'a@b.c'}",
    JSON.stringify({ email: "x".repeat(20_000) }),
  ];
  for (const email of fields) bodies.push(JSON.stringify({ email }));
  for (const callbackUrl of [0, [], {}, "x".repeat(3000)])
    bodies.push(JSON.stringify({ email: "ok@example.com", callbackUrl }));
  return bodies;
}

/** Workspace create and settings bodies that no valid request looks like (wrong types, bad fields, huge values). */
export function badWorkspaceBodies(): string[] {
  const bodies = [
    "",
    "{",
    "[]",
    "null",
    '"x"',
    "1",
    "\u0000",
    JSON.stringify({ name: "x".repeat(2 * 1024 * 1024) }),
  ];
  const fields: Record<string, unknown>[] = [
    { name: "Bad Name", template: "dev" },
    { name: "a", template: "nope" },
    { name: "a", template: "dev", env: [{ key: "1A", value: "x" }] },
    { name: "a", template: "dev", env: [{ key: "WORKSPACE_ID", value: "x" }] },
    { name: "a", template: "dev", env: Array.from({ length: 65 }, (_, i) => ({ key: `K${i}`, value: "" })) },
    { name: "a", template: "dev", env: [{ key: "A", value: "x".repeat(5000) }] },
    { name: "a", template: "dev", secret_files: [{ path: "/etc/shadow", content: "x" }] },
    { name: "a", template: "dev", secret_files: [{ path: "~/../x", content: "x" }] },
    { name: "a", template: "dev", secret_files: [{ path: "~/x", content: "x".repeat(70_000) }] },
    { name: "a", template: "dev", git: { url: "file:///etc" } },
    { name: "a", template: "dev", git: { url: "https://x.example/r.git", branch: "--upload-pack=evil" } },
    { name: "a", template: "dev", limits: { memory_mb: "lots" } },
    { name: "a", template: "dev", limits: { cpus: 1000 } },
    { name: "a", template: "dev", volume: "not-a-kept-volume" },
    { name: "a", template: "dev", __proto__: { admin: true }, extra: 1 },
  ];
  for (const value of BASE) fields.push({ name: value, template: value });
  bodies.push(...fields.map((body) => JSON.stringify(body)));
  return bodies;
}

export const BAD_HEADER_VALUES = BASE.filter((value) => /^[\x20-\x7e]*$/.test(value));

/** Values of every JSON type for server-action arguments: each base value, its encodings, and wrong types. */
export function badActionArguments(): unknown[] {
  const strings = new Set([
    ...BASE,
    ...badPathSegments(),
    "$",
    "$$",
    "$1",
    "$@0",
    "$K1",
    "$Q1",
    "$undefined",
  ]);
  strings.delete("dev");
  strings.delete("prod");
  return [
    ...strings,
    null,
    undefined,
    true,
    false,
    0,
    -1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.MAX_SAFE_INTEGER,
    [],
    ["dev"],
    [["dev"]],
    {},
    { type: "dev" },
    { toString: "dev" },
    { __proto__: { type: "dev" } },
    JSON.parse('{"__proto__":{"isAdmin":true}}'),
    JSON.parse('{"then":"$1:__proto__:then"}'),
    "dev".repeat(10_000),
  ];
}

// What a body must never contain: a stack frame, a file path, a raw Docker or database message.
export const LEAK_PATTERN =
  /at [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+|ECONN|ENOENT|docker\.sock|Error:|Prisma|SQLITE|statusCode|No such container/i;
