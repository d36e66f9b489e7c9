// The Compose tool's environment: DOCKER_HOST is always the address dockerode uses (the default socket when the app
// has none; http(s):// as tcp://), no context can point it elsewhere, TLS settings only for a TLS engine, and
// nothing else of the app's.
import { describe, expect, it } from "vitest";
import { composeEnvOf } from "@/lib/engine/stacks/compose-env-of";

const SOCKET = "/var/run/docker.sock";
const BASE = { NODE_ENV: "production", PATH: "/usr/bin", HOME: "/home/app" } as const;

describe("composeEnvOf", () => {
  it("names the default socket when the app has no DOCKER_HOST, and passes no context", () => {
    const env = composeEnvOf(
      { ...BASE, DOCKER_CONTEXT: "remote", AUTH_SECRET: "x".repeat(32), DATABASE_URL: "file:./a.db" },
      SOCKET,
    );
    expect(env).toEqual({ ...BASE, DOCKER_HOST: "unix:///var/run/docker.sock" });
  });

  it("keeps a unix socket, and names http(s):// and tcp:// addresses tcp://", () => {
    expect(
      composeEnvOf({ ...BASE, DOCKER_HOST: "unix:///run/user/1000/docker.sock" }, SOCKET).DOCKER_HOST,
    ).toBe("unix:///run/user/1000/docker.sock");
    expect(composeEnvOf({ ...BASE, DOCKER_HOST: "http://proxy:2375" }, SOCKET).DOCKER_HOST).toBe(
      "tcp://proxy:2375",
    );
    expect(composeEnvOf({ ...BASE, DOCKER_HOST: "tcp://10.0.0.2:2375" }, SOCKET).DOCKER_HOST).toBe(
      "tcp://10.0.0.2:2375",
    );
    expect(composeEnvOf({ ...BASE, DOCKER_HOST: "https://engine:2376" }, SOCKET).DOCKER_HOST).toBe(
      "tcp://engine:2376",
    );
  });

  it("passes the TLS settings only for an engine reached over TLS", () => {
    const tls = { DOCKER_TLS_VERIFY: "1", DOCKER_CERT_PATH: "/certs" };
    expect(composeEnvOf({ ...BASE, ...tls, DOCKER_HOST: "tcp://engine:2376" }, SOCKET)).toMatchObject(tls);
    const plain = composeEnvOf(
      { ...BASE, DOCKER_CERT_PATH: "/certs", DOCKER_HOST: "http://proxy:2375" },
      SOCKET,
    );
    expect(plain.DOCKER_CERT_PATH).toBeUndefined();
    const local = composeEnvOf({ ...BASE, ...tls }, SOCKET);
    expect(local.DOCKER_TLS_VERIFY).toBeUndefined();
  });

  it("passes DOCKER_CONFIG on, where the v2 plugin is found", () => {
    expect(composeEnvOf({ ...BASE, DOCKER_CONFIG: "/etc/docker-cli" }, SOCKET).DOCKER_CONFIG).toBe(
      "/etc/docker-cli",
    );
  });
});
