// A compose file is checked before anything runs: broken YAML names its line and column; schema errors name their
// place in compose terms (services.web.ports[0]) and what is wrong, all of them at once; what this server can't do
// (build, relative paths, other files) is refused by place; a good file passes.
import { describe, expect, it } from "vitest";
import { claimedNames } from "@/lib/engine/stacks/claimed-names";
import { MAX_COMPOSE_BYTES, validateCompose } from "@/lib/engine/stacks/validate-compose";
import { AppError } from "@/lib/errors";

function fieldsOf(text: string): Record<string, string[]> {
  try {
    validateCompose(text, "demo");
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("VALIDATION_FAILED");
    return (error as AppError).details?.fields ?? {};
  }
  throw new Error("the file passed");
}

const GOOD = `
version: "3.8"
x-common: &common
  restart: unless-stopped
services:
  web:
    <<: *common
    image: spawner-test-httpd:latest
    command: ["busybox", "httpd", "-f", "-p", "8080"]
    ports:
      - "127.0.0.1:18080:8080"
      - 9000
      - target: 80
        published: 8081
    networks: [front]
    volumes:
      - data:/data
      - /srv/shared:/shared:ro
      - type: bind
        source: /etc/hostname
        target: /host-name
    healthcheck:
      test: ["CMD", "true"]
      interval: 1m30s
    environment:
      A: "1"
      PORT: \${PORT:-8080}
  worker:
    image: spawner-test-httpd:latest
    command: sleep 3600
    depends_on: [web]
    networks: [front]
networks:
  front:
    driver: bridge
volumes:
  data: {}
`;

describe("validateCompose", () => {
  it("passes a good file, with its services", () => {
    const { services, config } = validateCompose(GOOD, "demo");
    expect(services).toEqual(["web", "worker"]);
    expect((config.services as Record<string, { restart: string }>).web?.restart).toBe("unless-stopped");
  });

  it("names the line and column of a YAML syntax error", () => {
    const fields = fieldsOf("services:\n  web:\n    image: x\n   ports: [1\n");
    expect(Object.keys(fields)).toEqual(["compose"]);
    expect(fields.compose?.[0]).toMatch(/^line 4, column \d+: /);
  });

  it("refuses an empty file and one that is not a mapping", () => {
    expect(fieldsOf("")).toEqual({ compose: [expect.stringContaining("empty")] });
    expect(fieldsOf("- a\n- b\n")).toEqual({ compose: [expect.stringContaining("mapping")] });
  });

  it("names every schema error by its place, with its line", () => {
    const fields = fieldsOf(
      [
        "services:",
        "  web:",
        "    image: x",
        "    ports: 8080",
        "  api:",
        "    image: y",
        "    ports: [true, 'not-a-port']",
        "    environment: { A: [1] }",
        "networks:",
        "  front:",
        "    driver: 5",
        "servics: {}",
      ].join("\n"),
    );
    expect(fields).toEqual({
      "services.web.ports": ["must be a list (line 4)"],
      "services.api.ports[0]": ["must be a number, a string or a mapping (line 7)"],
      "services.api.ports[1]": [expect.stringMatching(/^is not a port mapping such as .* \(line 7\)$/)],
      "services.api.environment.A": ["must be a string, a number or empty (line 8)"],
      "networks.front.driver": ["must be a string (line 11)"],
      servics: [expect.stringMatching(/^is not a top-level key of a Compose file .* \(line 12\)$/)],
    });
    // Listed in the file's order.
    expect(Object.keys(fields)).toEqual([
      "services.web.ports",
      "services.api.ports[0]",
      "services.api.ports[1]",
      "services.api.environment.A",
      "networks.front.driver",
      "servics",
    ]);
  });

  it("names unknown keys, bad service names and missing keys in their place", () => {
    const fields = fieldsOf(
      "services:\n  web:\n    image: x\n    imgae: y\n  'my web':\n    image: z\n  db:\n    image: q\n    volumes:\n      - { source: data, target: /d }\n",
    );
    expect(fields["services.web.imgae"]).toEqual(["is not a key Compose knows here (line 4)"]);
    expect(fields['services["my web"]']?.[0]).toMatch(/^is not a valid name/);
    expect(fields["services.db.volumes[0].type"]?.[0]).toMatch(/^is required/);
    // Compose v2's top-level name, not the stack's: said beside the file's other problems, not as the stack name's.
    expect(fieldsOf("name: other\nservices:\n  web:\n    image: x\n")).toEqual({
      compose: ['name: must equal the stack name ("demo"), or be left out (line 1)'],
    });
  });

  it("refuses build, env_file, extends with a file and relative paths, naming each place", () => {
    const fields = fieldsOf(
      [
        "services:",
        "  app:",
        "    build: .",
        "    env_file: .env",
        "    volumes:",
        "      - ./data:/data",
        "      - ~/cache:/cache",
        "      - type: bind",
        "        source: ../up",
        "        target: /up",
        "      - named:/ok",
        "  base:",
        "    extends: { file: common.yml, service: web }",
        "secrets:",
        "  token:",
        "    file: ./token.txt",
      ].join("\n"),
    );
    expect(Object.keys(fields).sort()).toEqual(
      [
        "services.app.build",
        "services.app.env_file",
        "services.app.volumes[0]",
        "services.app.volumes[1]",
        "services.app.volumes[2]",
        "services.base.extends.file",
        "services.base.image",
        "secrets.token.file",
      ].sort(),
    );
    expect(fields["services.app.build"]?.[0]).toContain("Build the image first");
    expect(fields["services.app.volumes[0]"]?.[0]).toContain("relative path");
  });

  it("needs at least one service", () => {
    expect(fieldsOf("networks:\n  front: {}\n")).toEqual({
      services: ["needs at least one service (line 1)"],
    });
    expect(fieldsOf("services: {}\n")).toEqual({ services: ["needs at least one service (line 1)"] });
  });

  it("reads YAML 1.2 as Compose v2 does (no is a string), and lists a bounded number of problems", () => {
    expect(validateCompose("services:\n  web:\n    image: x\n    restart: no\n", "demo").services).toEqual([
      "web",
    ]);
    expect(fieldsOf("services:\n  web:\n    image: x\n    restart: false\n")).toEqual({
      "services.web.restart": ["must be a string (line 4)"],
    });
    const many = `services:\n${Array.from({ length: 80 }, (_, i) => `  s${i}:\n    image: 1\n`).join("")}`;
    expect(Object.keys(fieldsOf(many))).toHaveLength(50);
  });

  it("refuses a file past the size limit with 413", () => {
    const big = `services:\n  web:\n    image: x\n# ${"x".repeat(MAX_COMPOSE_BYTES)}\n`;
    expect(() => validateCompose(big, "demo")).toThrow(
      expect.objectContaining({ code: "PAYLOAD_TOO_LARGE" }),
    );
  });

  it("takes a top-level name equal to the stack's, and hands the tool the file without it", () => {
    const file = validateCompose("# demo\nname: demo\nservices:\n  web:\n    image: x\n", "demo");
    expect(file.services).toEqual(["web"]);
    expect(file.config).not.toHaveProperty("name");
    expect(file.text).toBe("# demo\n\nservices:\n  web:\n    image: x\n");
    const flow = validateCompose('{"name": "demo", "services": {"web": {"image": "x"}}}', "demo");
    expect(flow.text).not.toContain("name");
    expect(validateCompose(flow.text, "demo").services).toEqual(["web"]);
    expect(validateCompose("services:\n  web:\n    image: x\n", "demo").text).toBe(
      "services:\n  web:\n    image: x\n",
    );
  });

  it("refuses a top-level name that is not the stack's, with the other problems", () => {
    expect(fieldsOf("services:\n  web:\n    image: x\n    ports: 8080\nname: other\n")).toEqual({
      compose: ['name: must equal the stack name ("demo"), or be left out (line 5)'],
      "services.web.ports": ["must be a list (line 4)"],
    });
  });
});

describe("claimedNames", () => {
  it("names the volumes and networks a file makes, explicit names by their place, externals left out", () => {
    const { config } = validateCompose(
      [
        "services:",
        "  web:",
        "    image: x",
        "    networks: [front]",
        "  db:",
        "    image: x",
        "volumes:",
        "  data:",
        "    name: spawner-ws-1234",
        "  cache:",
        "  shared:",
        "    external: true",
        "networks:",
        "  front: {}",
        "",
      ].join("\n"),
      "demo",
    );
    expect(claimedNames(config, "demo")).toEqual([
      { kind: "volume", place: "volumes.data.name", name: "spawner-ws-1234" },
      { kind: "volume", place: "volumes.cache", name: "demo_cache" },
      { kind: "network", place: "networks.front", name: "demo_front" },
      { kind: "network", place: "networks.default", name: "demo_default" },
    ]);
  });
});
