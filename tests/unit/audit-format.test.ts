// The audit log's pure parts: the query schema (blank fields, UTC days, every problem at once), CSV cells
// (quoting, formula neutralizing), what a settings change records (names, never values) and the details line.
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "@/lib/audit/audit-csv";
import { detailsSummary } from "@/lib/audit/details-summary";
import { auditQueryInput, auditQuerySchema } from "@/lib/validations/audit";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { settingsChanges } from "@/lib/workspaces/settings-changes";

describe("audit query", () => {
  it("reads blank form fields as unset and a date alone as its whole UTC day", () => {
    const query = auditQuerySchema.parse(
      auditQueryInput(new URLSearchParams("actor=&action=workspace.&from=2026-12-01&to=2026-12-01&junk=1")),
    );
    expect(query).toEqual({
      actor: undefined,
      action: "workspace.",
      target: undefined,
      owner: undefined,
      from: new Date("2026-12-01T00:00:00Z"),
      to: new Date("2026-12-02T00:00:00Z"),
      page: 1,
      page_size: 50,
    });
    expect(auditQuerySchema.parse({ from: "2026-12-01T10:30" }).from).toEqual(
      new Date("2026-12-01T10:30:00Z"),
    );
    expect(auditQueryInput({ page: ["2", "3"], owner: undefined })).toEqual({ page: "2", owner: "" });
  });

  it("names every bad field at once", () => {
    const result = auditQuerySchema.safeParse({
      from: "monday",
      to: "2026-02-30x",
      page: "0",
      page_size: "201",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual([
      "from",
      "page",
      "page_size",
      "to",
    ]);
    expect(auditQuerySchema.safeParse({ to: "2026-13-01" }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ to: "2026-02-30" }).success).toBe(false);
    expect(
      auditQuerySchema.safeParse({ from: "2026-12-02", to: "2026-12-01" }).error?.issues[0]?.path,
    ).toEqual(["to"]);
  });
});

describe("CSV cells", () => {
  it("quotes every cell, doubles quotes, keeps commas and line breaks inside", () => {
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvLine(["x", ""])).toBe('"x",""\r\n');
  });

  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralizes a formula cell %j", (value) => {
    expect(csvCell(value)).toBe(`"'${value.replaceAll('"', '""')}"`);
  });
});

describe("settings changes", () => {
  it("names fields, variables and paths, never a value or content", () => {
    const changes = settingsChanges(
      {
        ...EMPTY_SETTINGS,
        env: [
          { key: "KEEP", value: "same" },
          { key: "GONE", value: "v1" },
        ],
      },
      {
        ...EMPTY_SETTINGS,
        env: [
          { key: "KEEP", value: "same" },
          { key: "NEW", value: "secret-value" },
        ],
      },
      {
        upsert: [{ kind: "file", path: "~/.npmrc", size: 5, sealed: "sealed-bytes" }],
        removePaths: [],
        removeToken: true,
      },
    );
    expect(changes).toEqual({
      fields: ["git.token", "env", "secret_files"],
      env_keys: { added: ["NEW"], changed: [], removed: ["GONE"] },
      secret_files: { written: ["~/.npmrc"], removed: [] },
    });
    expect(JSON.stringify(changes)).not.toMatch(/secret-value|sealed-bytes|v1|same/);
  });
});

describe("details summary", () => {
  it("reads a bulk action's items as counts and codes, and other details as name: value", () => {
    expect(
      detailsSummary({
        items: [{ outcome: "ok" }, { outcome: "CONFLICT" }, { outcome: "ok" }],
        keep_data: false,
        env_keys: { added: ["A"], changed: [], removed: [] },
      }),
    ).toBe("3 items: 2 ok, 1 failed (CONFLICT) · keep data: no · env keys: added A");
    expect(detailsSummary({ note: "x".repeat(500) })).toHaveLength(240);
  });
});
