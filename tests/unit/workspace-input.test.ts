import { describe, expect, it } from "vitest";
import { open, seal } from "@/lib/crypto/secret-box";
import { fieldErrors } from "@/lib/validations/field-errors";
import { createWorkspaceSchema, updateWorkspaceSchema } from "@/lib/validations/workspace";
import { credentialLine, scrubGitOutput } from "@/lib/workspaces/clone-repository";
import { secretFileEntries, secretTarget } from "@/lib/workspaces/secret-paths";
import { impactOf } from "@/lib/workspaces/settings-impact";

const errorsOf = (input: unknown) => {
  const result = createWorkspaceSchema.safeParse(input);
  return result.success ? {} : fieldErrors(result.error);
};

describe("the workspace schema (dialog, actions and API)", () => {
  it("accepts a full workspace and fills defaults", () => {
    const parsed = createWorkspaceSchema.parse({
      name: "my-api",
      template: "dev",
      display_name: "  My API ",
      git: { url: "https://git.example.com/me/api.git", branch: "main", username: "me", token: "t0k" },
      env: [
        { key: "GREETING", value: "hi" },
        { key: "_X1", value: "" },
      ],
      secret_files: [
        { path: "~/.config/gh/hosts.yml", content: "a: b" },
        { path: "/workspace/.env", content: "K=V" },
      ],
      limits: { memory_mb: 256, cpus: 0.5, pids: 64 },
    });
    expect(parsed.display_name).toBe("My API");
    expect(parsed.secret_files?.[0]?.encoding).toBe("utf8");
  });

  it("reports every bad field at once, at its own path", () => {
    const errors = errorsOf({
      name: "My_Name",
      template: "",
      git: { url: "ftp://x", branch: "a..b" },
      env: [
        { key: "1BAD", value: "x" },
        { key: "USER_ID", value: "x" },
        { key: "WORKSPACE_ID", value: "x" },
        { key: "A", value: "x".repeat(4097) },
        { key: "B", value: "1" },
        { key: "B", value: "2" },
      ],
      secret_files: [
        { path: "relative/path", content: "x" },
        { path: "~/../etc/shadow", content: "x" },
        { path: "~/big", content: "x".repeat(64 * 1024 + 1) },
      ],
      limits: { memory_mb: 10, cpus: 0, pids: 1.5 },
    });
    expect(Object.keys(errors).sort()).toEqual(
      [
        "name",
        "template",
        "git.url",
        "git.branch",
        "env.0.key",
        "env.1.key",
        "env.2.key",
        "env.3.value",
        "env.5.key",
        "secret_files.0.path",
        "secret_files.1.path",
        "secret_files.2.content",
        "limits.memory_mb",
        "limits.cpus",
        "limits.pids",
      ].sort(),
    );
    expect(errors["env.1.key"]?.[0]).toMatch(/app sets this name/);
  });

  it("refuses more than 64 variables, credentials in the URL and unknown fields", () => {
    const env = Array.from({ length: 65 }, (_, i) => ({ key: `K${i}`, value: "" }));
    expect(errorsOf({ name: "a", template: "dev", env }).env).toBeDefined();
    expect(
      errorsOf({ name: "a", template: "dev", git: { url: "https://me:pw@git.example.com/r.git" } })[
        "git.url"
      ],
    ).toBeDefined();
    expect(errorsOf({ name: "a", template: "dev", hack: 1 }).form).toBeDefined();
    expect(updateWorkspaceSchema.safeParse({ name: "renamed" }).success).toBe(false);
  });
});

describe("secret files", () => {
  const user = { uid: 1000, gid: 1000, home: "/home/app" };

  it("land under the home or the data path, nowhere else", () => {
    expect(secretTarget("~/.aws/credentials", "/workspace", "/home/app/")).toBe("/home/app/.aws/credentials");
    expect(secretTarget("/workspace/.env", "/workspace", "/home/app")).toBe("/workspace/.env");
    expect(secretTarget("/workspacex/.env", "/workspace", "/home/app")).toBeNull();
    expect(secretTarget("/etc/passwd", "/workspace", "/home/app")).toBeNull();
  });

  it("are written 0600 and the user's, with the folders below their base made for that user", () => {
    const entries = secretFileEntries(
      [
        { path: "~/.config/gh/hosts.yml", content: Buffer.from("x") },
        { path: "~/.config/other", content: Buffer.from("y") },
        { path: "/etc/shadow", content: Buffer.from("z") },
      ],
      user,
      "/workspace",
    );
    expect(entries.map((entry) => [entry.type, entry.path, entry.mode.toString(8)])).toEqual([
      ["dir", "/home/app/.config", "700"],
      ["dir", "/home/app/.config/gh", "700"],
      ["file", "/home/app/.config/gh/hosts.yml", "600"],
      ["file", "/home/app/.config/other", "600"],
    ]);
    expect(entries.every((entry) => entry.uid === 1000 && entry.gid === 1000)).toBe(true);
  });

  it("name every folder from the data volume's root down when the home lies in the volume (none is followed)", () => {
    const inVolume = { uid: 1000, gid: 1000, home: "/workspace/home/app" };
    const entries = secretFileEntries(
      [
        { path: "~/.ssh/id", content: Buffer.from("k") },
        { path: "/workspace/a/b.env", content: Buffer.from("e") },
      ],
      inVolume,
      "/workspace",
    );
    expect(entries.map((entry) => [entry.type, entry.path, entry.mode.toString(8)])).toEqual([
      ["dir", "/workspace/home", "755"],
      ["dir", "/workspace/home/app", "755"],
      ["dir", "/workspace/home/app/.ssh", "700"],
      ["file", "/workspace/home/app/.ssh/id", "600"],
      ["dir", "/workspace/a", "755"],
      ["file", "/workspace/a/b.env", "600"],
    ]);
  });

  it("refuse ~/ for a user without a home (it would be the whole file system)", () => {
    const homeless = { uid: 4242, gid: 4242, home: "/" };
    expect(() =>
      secretFileEntries([{ path: "~/etc/passwd", content: Buffer.from("x") }], homeless, "/workspace"),
    ).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
    expect(
      secretFileEntries([{ path: "/workspace/x", content: Buffer.from("x") }], homeless, "/workspace").map(
        (entry) => entry.path,
      ),
    ).toEqual(["/workspace/x"]);
  });

  it("are sealed with AES-256-GCM: the clear text is not in the sealed form, and it opens only where it was sealed", () => {
    const secret = "k".repeat(40);
    const sealed = seal(Buffer.from("top-secret-value"), secret, "w1:file:~/x");
    expect(sealed).toMatch(/^v1:/);
    expect(Buffer.from(sealed.slice(3), "base64").toString("latin1")).not.toContain("top-secret");
    expect(open(sealed, secret, "w1:file:~/x").toString()).toBe("top-secret-value");
    expect(() => open(sealed, secret, "w2:file:~/x")).toThrow(
      expect.objectContaining({ code: "SECRET_UNREADABLE" }),
    );
    expect(() => open(sealed, "other".repeat(8), "w1:file:~/x")).toThrow(
      expect.objectContaining({ code: "SECRET_UNREADABLE" }),
    );
    expect(seal(Buffer.from("a"), secret, "b")).not.toBe(seal(Buffer.from("a"), secret, "b"));
  });
});

describe("git", () => {
  it("scrubs credentials from git's messages", () => {
    const output =
      "Cloning into '/workspace/.spawner-clone-7'...\nfatal: Authentication failed for 'https://me:s3cr3t@git.example.com/r.git/'\nremote: token s3cr3t refused";
    const scrubbed = scrubGitOutput(output, ["s3cr3t"]);
    expect(scrubbed).not.toContain("s3cr3t");
    expect(scrubbed).toContain("https://***@git.example.com/r.git/");
    expect(scrubbed).toContain("Authentication failed");
  });

  it("writes credentials as git-credential-store expects, percent-encoded", () => {
    expect(credentialLine("https://git.example.com:8443/a/b.git", "me@x", "p:w/d")).toBe(
      "https://me%40x:p%3Aw%2Fd@git.example.com:8443\n",
    );
  });
});

describe("what a settings change takes", () => {
  const before = { git: null, env: [{ key: "A", value: "1" }], limits: {} };
  const none = { upsert: [], removePaths: [] };
  it.each([
    [{ ...before }, none, "none"],
    [{ ...before, env: [{ key: "A", value: "2" }] }, none, "recreate"],
    [{ ...before, limits: { memoryMb: 128 } }, none, "restart"],
    [{ ...before, git: { url: "https://x/y.git", branch: null, username: null } }, none, "none"],
    [
      { ...before },
      { upsert: [{ kind: "file", path: "~/x", size: 1, sealed: "" }], removePaths: [] },
      "recreate",
    ],
    [
      { ...before },
      { upsert: [{ kind: "git-token", path: "", size: 1, sealed: "" }], removePaths: [] },
      "none",
    ],
    [{ ...before }, { upsert: [], removePaths: ["~/x"] }, "recreate"],
  ] as const)("%o with %o takes %s", (after, secrets, expected) => {
    expect(impactOf(before, after as never, secrets as never)).toBe(expected);
  });
});
