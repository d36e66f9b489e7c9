// The engine pages' pure rules: which env values are masked, how log times are read and compared, and how the
// engine's port lists become rows.
import { describe, expect, it } from "vitest";
import { inspectedPorts, listedPorts, timeOrNull } from "@/lib/engine/containers/container-view";
import {
  downloadLine,
  engineSince,
  normalizeAt,
  resumeFilter,
  timedLine,
} from "@/lib/engine/containers/log-line";
import { maskEnv, maskEnvLine } from "@/lib/engine/containers/secret-env";
import { isSecretKey, MASK, maskArgs, maskLabels, maskText } from "@/lib/engine/containers/secret-text";

describe("masking secret-looking environment values", () => {
  it.each([
    "PASSWORD",
    "DB_PASS",
    "POSTGRES_PASSWORD_FILE",
    "MYSQL_ROOT_PWD",
    "API_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "GITHUB_TOKEN",
    "auth_secret",
    "NEXTAUTH_URL_AUTH",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "SSH_PRIVATE_KEY",
    "SESSION_COOKIE",
    "PASSWORD_SALT",
    "SENTRY_DSN",
    "SLACK_WEBHOOK_URL",
    "DB_PW",
  ])("masks %s", (key) => {
    expect(isSecretKey(key)).toBe(true);
    expect(maskEnvLine(`${key}=hunter2`)).toEqual({ key, value: null, masked: true });
  });

  it.each(["PATH", "HOME", "NODE_ENV", "GREETING", "LANG", "TZ", "PORT", "HOSTNAME"])("shows %s", (key) => {
    expect(maskEnvLine(`${key}=plain`)).toEqual({ key, value: "plain", masked: false });
  });

  it("masks a URL's password under any key, keeping the rest readable", () => {
    expect(maskEnvLine("DATABASE_URL=postgres://app:hunter2@db:5432/app")).toEqual({
      key: "DATABASE_URL",
      value: `postgres://app:${MASK}@db:5432/app`,
      masked: true,
    });
    expect(maskEnvLine("UPSTREAM=http://example.com:8080/x").masked).toBe(false);
  });

  it("keeps values with = in them and keys without one", () => {
    expect(maskEnv(["OPTS=a=b", "FLAG"])).toEqual([
      { key: "OPTS", value: "a=b", masked: false },
      { key: "FLAG", value: "", masked: false },
    ]);
    expect(maskEnv(null)).toEqual([]);
  });
});

describe("masking secrets outside the environment", () => {
  it("masks a URL's password even when it holds a raw @, keeping user and host", () => {
    expect(maskText("postgres://app:p@ss@word@db:5432/app")).toBe(`postgres://app:${MASK}@db:5432/app`);
    expect(maskText("see redis://:hunter2@cache:6379 and more")).toBe(
      `see redis://:${MASK}@cache:6379 and more`,
    );
    expect(maskText("http://example.com:8080/x")).toBe("http://example.com:8080/x");
  });

  it("masks password= segments of a connection string and a query, nothing else", () => {
    expect(maskText("Server=db;User Id=sa;Password=hunter2;Database=app")).toBe(
      `Server=db;User Id=sa;Password=${MASK};Database=app`,
    );
    expect(maskText("host=db pwd='a b' dbname=app")).toBe(`host=db pwd=${MASK} dbname=app`);
    expect(maskText("/db?sslmode=require&password=hunter2")).toBe(`/db?sslmode=require&password=${MASK}`);
    expect(maskText("OPTS=a=b mode=fast")).toBe("OPTS=a=b mode=fast");
  });

  it("masks a secret flag's argument in flag=value and flag value forms, not other flags", () => {
    expect(
      maskArgs(["--password=hunter2", "--token", "abc", "--requirepass", "x1", "-p", "8080", "--port", "80"]),
    ).toEqual([`--password=${MASK}`, "--token", MASK, "--requirepass", MASK, "-p", "8080", "--port", "80"]);
    expect(maskArgs(["-c", "redis-server --requirepass hunter2 --port 6379"])).toEqual([
      "-c",
      `redis-server --requirepass ${MASK} --port 6379`,
    ]);
    expect(maskArgs(["--db", "mysql://root:hunter2@db/app"])).toEqual([
      "--db",
      `mysql://root:${MASK}@db/app`,
    ]);
    // A flag with no value before the next flag keeps the next flag.
    expect(maskArgs(["--no-auth", "--verbose"])).toEqual(["--no-auth", "--verbose"]);
  });

  it("masks labels by their key (Traefik's auth users too) and scans the rest", () => {
    expect(
      maskLabels({
        "traefik.http.middlewares.a.basicauth.users": "admin:$apr1$hash",
        "traefik.http.middlewares.b.digestauth.users": "admin:realm:hash",
        "com.example.api-token": "abc",
        "com.example.db": "postgres://u:hunter2@db/app",
        "traefik.http.routers.x.rule": "Host(`x.example.com`)",
      }),
    ).toEqual({
      "traefik.http.middlewares.a.basicauth.users": MASK,
      "traefik.http.middlewares.b.digestauth.users": MASK,
      "com.example.api-token": MASK,
      "com.example.db": `postgres://u:${MASK}@db/app`,
      "traefik.http.routers.x.rule": "Host(`x.example.com`)",
    });
  });

  it("masks a connection string's password under a key that names no secret", () => {
    expect(maskEnvLine("MSSQL=Server=db;Password=hunter2")).toEqual({
      key: "MSSQL",
      value: `Server=db;Password=${MASK}`,
      masked: true,
    });
  });
});

describe("log times", () => {
  it("pads the engine's times to nine digits so they compare as strings", () => {
    const a = timedLine("stdout", "2026-12-02T04:00:00.12345Z hello world");
    const b = timedLine("stderr", "2026-12-02T04:00:00.123456789Z later");
    expect(a).toEqual({ stream: "stdout", text: "hello world", at: "2026-12-02T04:00:00.123450000Z" });
    expect(b.at).toBe("2026-12-02T04:00:00.123456789Z");
    expect((a.at ?? "") < (b.at ?? "")).toBe(true);
    expect(normalizeAt("2026-12-02T04:00:00Z")).toBe("2026-12-02T04:00:00.000000000Z");
    expect(timedLine("stdout", "no time here")).toEqual({ stream: "stdout", text: "no time here", at: null });
  });

  it("gives the engine's since in seconds and nanoseconds", () => {
    expect(engineSince("1970-01-01T00:00:10.000000042Z")).toBe("10.000000042");
  });

  it("resumes after the lines held, keeping the ones that share the last held line's time", () => {
    const at = "2026-12-02T04:00:01.000000000Z";
    const lines = [
      { stream: "stdout" as const, text: "before", at: "2026-12-02T04:00:00.000000000Z" },
      { stream: "stdout" as const, text: "a", at },
      { stream: "stderr" as const, text: "b", at },
      { stream: "stdout" as const, text: "c", at },
      { stream: "stdout" as const, text: "untimed", at: null },
      { stream: "stdout" as const, text: "after", at: "2026-12-02T04:00:02.000000000Z" },
    ];
    const texts = (keep: (line: (typeof lines)[number]) => boolean) =>
      lines.filter(keep).map((line) => line.text);
    // The viewer holds a and b: c, at the same time, is still sent.
    expect(texts(resumeFilter(at, 2))).toEqual(["c", "untimed", "after"]);
    expect(texts(resumeFilter(at, 0))).toEqual(["a", "b", "c", "untimed", "after"]);
    // Without a count, none at that time (the old rule: nothing shown twice).
    expect(texts(resumeFilter(at))).toEqual(["untimed", "after"]);
  });

  it("writes a downloaded line as time, stream, text", () => {
    expect(downloadLine({ stream: "stderr", text: "boom", at: "2026-12-02T04:00:00.000000000Z" })).toBe(
      "2026-12-02T04:00:00.000000000Z stderr boom",
    );
  });
});

describe("ports and times of the engine", () => {
  it("lists a port published on both address families once", () => {
    expect(
      listedPorts([
        { IP: "0.0.0.0", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
        { IP: "::", PrivatePort: 80, PublicPort: 8080, Type: "tcp" },
        { PrivatePort: 53, Type: "udp" },
      ]),
    ).toEqual([
      { private_port: 53, public_port: null, host_ip: null, protocol: "udp" },
      { private_port: 80, public_port: 8080, host_ip: "0.0.0.0", protocol: "tcp" },
    ]);
    expect(
      inspectedPorts({ "8080/tcp": [{ HostIp: "127.0.0.1", HostPort: "32768" }], "8081/tcp": null }),
    ).toEqual([
      { private_port: 8080, public_port: 32768, host_ip: "127.0.0.1", protocol: "tcp" },
      { private_port: 8081, public_port: null, host_ip: null, protocol: "tcp" },
    ]);
  });

  it("reads Docker's zero time as never", () => {
    expect(timeOrNull("0001-01-01T00:00:00Z")).toBeNull();
    expect(timeOrNull("2026-12-02T04:00:00.5Z")).toBe("2026-12-02T04:00:00.500Z");
  });
});
