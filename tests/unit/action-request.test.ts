import { describe, expect, it } from "vitest";
import { assertPlainActionArgs } from "@/lib/http/action-request";

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
