import { describe, expect, it } from "vitest";
import { assertActionRequest, assertPlainActionArgs } from "@/lib/http/action-request";

const code = (root: unknown, allowFormData = false) => {
  try {
    assertPlainActionArgs(root, allowFormData);
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe("assertPlainActionArgs", () => {
  it.each([
    "[]",
    '["dev"]',
    '["dev","stop"]',
    '["$$1"]',
    '["$undefined",null,1,true]',
    '["$NaN","$-Infinity","$-0"]',
    '[{"a":["$$x"]}]',
  ])("lets the plain argument list %s through", (root) => {
    expect(code(root)).toBe("ok");
  });

  it("lets a form's FormData through only where a form can send one", () => {
    expect(code('["$K1"]', true)).toBe("ok");
    expect(code('["$K1"]', false)).toBe("BAD_REQUEST");
  });

  it.each([
    null,
    "",
    "{",
    '"dev"',
    '{"0":"dev"}',
    '["$1"]',
    '["$@0"]',
    '["$Q1"]',
    '["$D2020-01-01"]',
    '["$n1"]',
    '["$1:__proto__:then"]',
    '[{"then":"$1:__proto__:then"}]',
    '["$K1:x"]',
    "[".repeat(100_000),
  ])("refuses %s as a bad request", (root) => {
    expect(code(root, true)).toBe("BAD_REQUEST");
  });
});

describe("assertActionRequest (form posts and action ids)", () => {
  const post = (body: FormData | string, headers: Record<string, string> = {}) =>
    new Request("http://localhost/dashboard", { method: "POST", body, headers });
  const codeOf = async (request: Request) => {
    try {
      await assertActionRequest(request);
      return "ok";
    } catch (error) {
      return (error as { code: string }).code;
    }
  };
  const form = (...keys: string[]) => {
    const data = new FormData();
    for (const key of keys) data.append(key, "");
    return data;
  };

  it("lets a no-JavaScript form post naming exactly one action through", async () => {
    expect(await codeOf(post(form(`$ACTION_ID_${"a1".repeat(21)}`)))).toBe("ok");
  });

  it.each([
    [[]],
    [["email"]],
    [[`$ACTION_ID_${"a1".repeat(21)}`, `$ACTION_ID_${"b2".repeat(21)}`]],
    [["$ACTION_ID_zz"]],
    [["$ACTION_ID_../dev"]],
    [["$ACTION_REF_1"]],
  ])("refuses the multipart form post %j as a bad request", async (keys) => {
    expect(await codeOf(post(form(...keys)))).toBe("BAD_REQUEST");
  });

  it.each(["", "zz", "../dev", `${"a1".repeat(21)}x`, "a".repeat(5000)])(
    "refuses the Next-Action id %j as a bad request",
    async (id) => {
      expect(await codeOf(post('["dev"]', { "next-action": id }))).toBe("BAD_REQUEST");
    },
  );
});
