import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const secret = "s".repeat(32);

describe("parseEnv", () => {
  it("runs locally with only a secret", () => {
    const env = parseEnv({ AUTH_SECRET: secret });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBe("file:./data/spawner.db");
    expect(env.EMAIL_SERVER).toBeUndefined();
    expect(env.ADMIN_EMAILS).toEqual([]);
    expect(env.SHUTDOWN_DRAIN_MS).toBe(8000);
    // The crash tests' hook is off unless named.
    expect(env.TEST_FAULT_POINT).toBeUndefined();
  });

  it("splits, trims and lower-cases ADMIN_EMAILS", () => {
    expect(
      parseEnv({ AUTH_SECRET: secret, ADMIN_EMAILS: " Ada@Example.com, ,bob@example.com " }).ADMIN_EMAILS,
    ).toEqual(["ada@example.com", "bob@example.com"]);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ AUTH_SECRET: secret, EMAIL_SERVER: "" }).EMAIL_SERVER).toBeUndefined();
  });

  it.each([
    ["AUTH_SECRET", { AUTH_SECRET: undefined }, "AUTH_SECRET is required"],
    ["AUTH_SECRET", { AUTH_SECRET: "short" }, "AUTH_SECRET must be at least 32"],
    ["APP_URL", { APP_URL: "ftp://example.com" }, "APP_URL must be an http"],
    ["EMAIL_SERVER", { EMAIL_SERVER: "not a url" }, "EMAIL_SERVER must be a nodemailer URL"],
    ["DATABASE_URL", { DATABASE_URL: "postgres://x" }, "DATABASE_URL must be a SQLite file URL"],
    ["ADMIN_EMAILS", { ADMIN_EMAILS: "ada@example.com,nope" }, "ADMIN_EMAILS must be a comma-separated list"],
    ["TRUSTED_PROXY_HOPS", { TRUSTED_PROXY_HOPS: "-1" }, "TRUSTED_PROXY_HOPS"],
    ["SHUTDOWN_DRAIN_MS", { SHUTDOWN_DRAIN_MS: "soon" }, "SHUTDOWN_DRAIN_MS"],
    ["TEST_FAULT_POINT", { TEST_FAULT_POINT: "before-lunch" }, "TEST_FAULT_POINT must be one of after-row"],
  ])("names %s when it is bad", (_name, override, message) => {
    expect(() => parseEnv({ AUTH_SECRET: secret, ...override })).toThrow(EnvError);
    expect(() => parseEnv({ AUTH_SECRET: secret, ...override })).toThrow(message);
  });

  it("lists every bad variable at once", () => {
    expect(() => parseEnv({ APP_URL: "nope", EMAIL_SERVER: "nope" })).toThrow(
      /AUTH_SECRET[\s\S]*APP_URL|APP_URL[\s\S]*AUTH_SECRET/,
    );
  });
});
