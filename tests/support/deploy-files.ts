// Reads the deploy files as Docker Compose and Traefik would: .env values interpolated into the compose
// file, and traefik.yml rendered with the environment compose gives the Traefik service.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

export type ComposeService = {
  environment?: Record<string, string>;
  labels?: string[];
  networks?: string[];
  volumes?: string[];
  group_add?: string[];
  image?: string;
  build?: { context: string; args?: Record<string, string> };
};
export type Compose = {
  services: Record<string, ComposeService>;
  networks: Record<string, { name: string }>;
};

/** KEY=VALUE lines; comments and blank lines skipped (compose's own .env syntax, without quoting). */
export function readEnvFile(file: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match?.[1]) values[match[1]] = match[2] ?? "";
  }
  return values;
}

/** Compose interpolation: ${VAR}, ${VAR:-default}, ${VAR:?error}; $$ is a literal $. */
export function interpolate(text: string, values: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Z0-9_]+)(?::([-?])([^}]*))?\}/g, (whole, name, kind, rest) => {
    if (whole === "$$") return "$";
    const value = values[name];
    if (value !== undefined && value !== "") return value;
    if (kind === "?") throw new Error(`${name} is required: ${rest}`);
    return kind === "-" ? rest : "";
  });
}

/** Interpolates every string value of parsed YAML, as Compose does (so `KEY: ${EMPTY:-}` stays "", not null). */
function interpolateValues(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === "string") return interpolate(node, values);
  if (Array.isArray(node)) return node.map((item) => interpolateValues(item, values));
  if (node && typeof node === "object")
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, interpolateValues(value, values)]),
    );
  return node;
}

export function readCompose(values: Record<string, string>): Compose {
  return interpolateValues(parse(readFileSync("docker-compose.yml", "utf8")), values) as Compose;
}

/** traefik.yml as deploy/traefik-entrypoint.sh renders it (text substitution) from the Traefik service's environment. */
export function readTraefikConfig(
  environment: Record<string, string>,
  text = readFileSync("traefik.yml", "utf8"),
): Record<string, unknown> {
  return parse(interpolate(text, environment)) as Record<string, unknown>;
}

/** "a=b" label lines -> { a: "b" }. */
export function labelMap(labels: string[] = []): Record<string, string> {
  return Object.fromEntries(
    labels.map((label) => {
      const at = label.indexOf("=");
      return [label.slice(0, at), label.slice(at + 1)];
    }),
  );
}

// deploy/swarm/stack.yml as `docker stack deploy` reads it: the shell's (here .env's) values interpolated.
export type StackPort = { target: number; published: number | string; protocol?: string; mode?: string };
export type StackService = Omit<ComposeService, "build"> & {
  user?: string;
  ports?: StackPort[];
  configs?: { source: string; target: string }[];
  secrets?: { source: string; target: string; uid?: string; mode?: number }[];
  deploy?: {
    replicas?: number;
    endpoint_mode?: string;
    labels?: string[];
    placement?: { constraints?: string[] };
    update_config?: { order?: string };
  };
  [key: string]: unknown;
};
export type Stack = {
  services: Record<string, StackService>;
  networks: Record<string, { name: string; driver?: string; attachable?: boolean }>;
  configs: Record<string, { name: string; file: string }>;
  secrets: Record<string, { name: string; external?: boolean }>;
};

export const STACK_FILE = "deploy/swarm/stack.yml";
export const SWARM_TRAEFIK_FILE = "deploy/swarm/traefik.yml";

/** YAML 1.1, as the docker CLI's parser reads it (so a file mode 0400 is octal there and here). */
export function readStack(values: Record<string, string>): Stack {
  return interpolateValues(parse(readFileSync(STACK_FILE, "utf8"), { version: "1.1" }), values) as Stack;
}
