import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const secret = "s".repeat(32);

describe("parseEnv", () => {
  it("runs locally with only a secret", () => {
    const env = parseEnv({ AUTH_SECRET: secret });
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.PORT).toBe(3000);
    expect(env.HOST).toBe("0.0.0.0");
    expect(env.DOCKER_HOST).toBeUndefined();
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
    const env = parseEnv({ AUTH_SECRET: secret, EMAIL_SERVER: "", PORT: "", APP_URL: "", DOCKER_HOST: "" });
    expect(env.EMAIL_SERVER).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DOCKER_HOST).toBeUndefined();
  });

  it("derives APP_URL (and what follows from it) from PORT unless APP_URL is set", () => {
    const env = parseEnv({ AUTH_SECRET: secret, PORT: "4567" });
    expect(env.PORT).toBe(4567);
    expect(env.APP_URL).toBe("http://localhost:4567");
    expect(env.FORWARD_AUTH_URL).toBe("http://localhost:4567/api/forward-auth");
    expect(
      parseEnv({ AUTH_SECRET: secret, PORT: "4567", APP_URL: "https://spawner.example.com" }).APP_URL,
    ).toBe("https://spawner.example.com");
  });

  it.each(["127.0.0.1", "0.0.0.0", "::", "::1", "localhost", "spawner.example.com"])(
    "binds HOST %s",
    (host) => {
      expect(parseEnv({ AUTH_SECRET: secret, HOST: host }).HOST).toBe(host);
    },
  );

  it.each([
    "unix:///var/run/docker.sock",
    "tcp://10.0.0.2:2376",
    "http://socket-proxy:2375",
    "https://docker:2376",
  ])("takes DOCKER_HOST %s as it is (dockerode reads it from the environment)", (host) => {
    expect(parseEnv({ AUTH_SECRET: secret, DOCKER_HOST: host }).DOCKER_HOST).toBe(host);
  });

  // traefik-labels.test.ts checks that an empty resolver gives labels without tls.certresolver.
  it("uses letsencrypt when TRAEFIK_CERT_RESOLVER is unset and no resolver when it is set but empty", () => {
    expect(parseEnv({ AUTH_SECRET: secret }).TRAEFIK_CERT_RESOLVER).toBe("letsencrypt");
    expect(parseEnv({ AUTH_SECRET: secret, TRAEFIK_CERT_RESOLVER: "" }).TRAEFIK_CERT_RESOLVER).toBe("");
    expect(parseEnv({ AUTH_SECRET: secret, TRAEFIK_CERT_RESOLVER: "myresolver" }).TRAEFIK_CERT_RESOLVER).toBe(
      "myresolver",
    );
    // Only this setting keeps an empty value; elsewhere empty still means unset.
    expect(parseEnv({ AUTH_SECRET: secret, TRAEFIK_CERT_RESOLVER: "", LABEL_PREFIX: "" }).LABEL_PREFIX).toBe(
      "spawner",
    );
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
    ["PORT", { PORT: "0" }, "PORT"],
    ["PORT", { PORT: "65536" }, "PORT"],
    ["PORT", { PORT: "http" }, "PORT"],
    ["HOST", { HOST: "not a host" }, "HOST must be a host name or an IP address"],
    ["HOST", { HOST: "http://0.0.0.0" }, "HOST must be a host name or an IP address"],
    ["DOCKER_HOST", { DOCKER_HOST: "/var/run/docker.sock" }, "DOCKER_HOST must be unix:///"],
    ["DOCKER_HOST", { DOCKER_HOST: "ftp://docker:2375" }, "DOCKER_HOST must be unix:///"],
    ["DOCKER_HOST", { DOCKER_HOST: "tcp://" }, "DOCKER_HOST must be unix:///"],
    ["DOCKER_HOST", { DOCKER_HOST: "unix://" }, "DOCKER_HOST must be unix:///"],
    ["TRAEFIK_CERT_RESOLVER", { TRAEFIK_CERT_RESOLVER: "lets encrypt" }, "TRAEFIK_CERT_RESOLVER must be"],
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
