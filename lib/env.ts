// Every setting, parsed once. Defaults run locally; a bad value names its variable.
import { z } from "zod";
// Relative, as scripts/check-env.ts imports this file: it stays loadable without the app's path aliases.
import { imageRef } from "./validations/image-ref";

/** Launch steps a test can stop at (TEST_FAULT_POINT): right after the row, the create, the start. */
export const FAULT_POINTS = ["after-row", "after-create", "after-start"] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

const emailList = z
  .string()
  .default("")
  .transform((raw) =>
    raw
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: "must be a comma-separated list of email addresses" })));

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" });

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

// "512m", "1g", "268435456" -> bytes.
const sizeText = (message: string) =>
  z
    .string()
    .regex(/^\d+(\.\d+)?[kmg]?b?$/i, { message })
    .transform((raw) => {
      const match = /^(\d+(?:\.\d+)?)([kmg]?)/i.exec(raw);
      const units: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };
      return Math.round(Number(match?.[1]) * (units[(match?.[2] ?? "").toLowerCase()] ?? 1));
    });
const byteSize = sizeText("must be a size such as 512m or 1g").pipe(
  z.number().min(16 * 1024 ** 2, { message: "must be at least 16m" }),
);
// The same sizes where 0 means "no limit" (quotas, capacity).
const byteSizeOrZero = sizeText("must be a size such as 512m or 4g, or 0 for no limit");

// "30m", "2h", "45s", "1d", "0" -> seconds (a bare number is seconds).
const duration = z
  .string()
  .regex(/^\d+[smhd]?$/i, { message: "must be a duration such as 30m, 2h or 45s (0 for never)" })
  .transform((raw) => {
    const units: Record<string, number> = { "": 1, s: 1, m: 60, h: 3600, d: 86_400 };
    const match = /^(\d+)([smhd]?)$/i.exec(raw);
    return Number(match?.[1]) * (units[(match?.[2] ?? "").toLowerCase()] ?? 1);
  })
  .pipe(z.number().max(365 * 86_400, { message: "must be at most a year" }));

const dnsName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i, {
    message: "must be a host name such as spawner.example.com",
  });

// A listen address: a host name or an IPv4/IPv6 address such as 0.0.0.0, 127.0.0.1 or ::.
const listenHost = z
  .string()
  .refine(
    (raw) =>
      dnsName.safeParse(raw).success || z.ipv4().safeParse(raw).success || z.ipv6().safeParse(raw).success,
    { message: "must be a host name or an IP address such as 0.0.0.0 or 127.0.0.1" },
  );

// What dockerode (docker-modem) can dial: a unix socket path, or a TCP/HTTP(S) address with a host.
const dockerHost = z.string().refine(
  (raw) => {
    if (/^unix:\/\/\/\S+$/.test(raw)) return true;
    try {
      const url = new URL(raw);
      return ["tcp:", "http:", "https:"].includes(url.protocol) && url.hostname !== "";
    } catch {
      return false;
    }
  },
  { message: "must be unix:///path/to/docker.sock, tcp://host:port or http(s)://host:port" },
);

// "a,b,c" -> ["a", "b", "c"]; "none" -> [] (an empty value means "use the default").
const commaList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((raw) =>
      raw.trim().toLowerCase() === "none"
        ? []
        : raw
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean),
    )
    .pipe(z.array(item));

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // Read by Next's standalone server itself; scripts/start.sh passes HOST on as HOSTNAME. Parsed here so a bad
  // value stops start-up by name, and so APP_URL's default can follow the port.
  PORT: int(1, 65535).default(3000),
  HOST: listenHost.default("0.0.0.0"),
  // Unset: http://localhost:$PORT (see withDerived).
  APP_URL: httpUrl.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, { message: "must be a SQLite file URL such as file:./data/spawner.db" })
    .default("file:./data/spawner.db"),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -hex 32)" }),
  EMAIL_SERVER: z
    .url({ protocol: /^smtps?$/, message: "must be a nodemailer URL such as smtp://user:pass@host:587" })
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Spawner <no-reply@localhost>"),
  ADMIN_EMAILS: emailList,
  // How many proxies (Traefik ...) append to X-Forwarded-For in front of the app.
  TRUSTED_PROXY_HOPS: int(0, 10).default(0),

  // Templates: the images users get.
  USER_TEMPLATE_IMAGE_DEV: imageRef.default("spawner-dev:latest"),
  USER_TEMPLATE_IMAGE_PROD: imageRef.default("spawner-prod:latest"),
  USER_TEMPLATE_PORT_DEV: int(1, 65535).default(8080),
  USER_TEMPLATE_PORT_PROD: int(1, 65535).default(8080),
  // The browser IDE template's image (code-server; its apps are fixed: the editor on 8080, the user's own on 3000).
  USER_TEMPLATE_IMAGE_IDE: imageRef.default("spawner-ide:latest"),

  // Runtime: where and how user containers run.
  // dockerode reads DOCKER_HOST from process.env itself (new Docker() without options); this only validates it
  // at start-up. Unset: the local socket.
  DOCKER_HOST: dockerHost.optional(),
  // docker: one container per workspace on DOCKER_HOST. swarm: one service per workspace, DOCKER_HOST being a
  // manager of the Swarm; SWARM_NODE_ENDPOINTS names each node's own engine (hostname=URL, comma-separated) for
  // what only a node can tell: stats, open connections, removing a volume's data.
  RUNTIME: z.enum(["docker", "swarm"], { message: "must be docker or swarm" }).default("docker"),
  // Swarm: how long a start waits for its task to run (a node's first pull of a large image included).
  SWARM_START_TIMEOUT_MS: int(5000, 3_600_000).default(300_000),
  SWARM_NODE_ENDPOINTS: z
    .string()
    .refine(
      (raw) =>
        raw
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean)
          .every((entry) => {
            const at = entry.indexOf("=");
            return at > 0 && dockerHost.safeParse(entry.slice(at + 1).trim()).success;
          }),
      {
        message:
          "must be hostname=engine URL pairs, e.g. node1=unix:///var/run/docker.sock,node2=tcp://10.0.0.2:2375",
      },
    )
    .optional(),
  DOCKER_TIMEOUT_MS: int(500, 60_000).default(3000),
  // The Compose tool the engine's stacks page deploys with: a command and its first words ("docker compose",
  // "docker-compose", "/usr/local/bin/docker-compose"). Unset: `docker compose` (the v2 plugin), else docker-compose.
  COMPOSE_COMMAND: z
    .string()
    .trim()
    .regex(/^[\w./-]+( +[\w./-]+)*$/, {
      message: 'must be a command such as "docker compose" or docker-compose',
    })
    .optional(),
  LABEL_PREFIX: z
    .string()
    .regex(/^[a-z0-9]+([.-][a-z0-9]+)*$/, { message: "must be lower-case words joined by dots or dashes" })
    .default("spawner"),
  CONTAINER_NETWORK: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}$/, { message: "must be a Docker network name" })
    .default("spawner"),
  CONTAINER_MEMORY: byteSize.default(512 * 1024 ** 2),
  CONTAINER_CPUS: z.coerce.number().min(0.05).max(64).default(1),
  CONTAINER_PIDS_LIMIT: int(16, 100_000).default(256),
  // The most a workspace of the seeded templates may ask for in its settings.
  CONTAINER_MAX_MEMORY: byteSize.default(2 * 1024 ** 3),
  CONTAINER_MAX_CPUS: z.coerce.number().min(0.05).max(64).default(2),
  CONTAINER_MAX_PIDS_LIMIT: int(16, 100_000).default(1024),
  CONTAINER_CAP_ADD: commaList(
    z.enum(["CHOWN", "DAC_OVERRIDE", "FOWNER", "SETUID", "SETGID", "NET_BIND_SERVICE", "KILL"], {
      message: "may only name CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, NET_BIND_SERVICE or KILL",
    }),
  ).default(["CHOWN", "SETUID", "SETGID", "NET_BIND_SERVICE"]),

  // Lifecycle: readiness and the reconciler that keeps the app true to Docker.
  READINESS_TIMEOUT_MS: int(1000, 600_000).default(30_000),

  // Workspace repositories: cloned on the first start by a helper image, within a time limit.
  GIT_HELPER_IMAGE: imageRef.default("spawner-git:latest"),
  GIT_CLONE_TIMEOUT_MS: int(1000, 3_600_000).default(300_000),
  // Plain http:// repositories send tokens in clear: off unless a closed network (or a test) needs it.
  GIT_ALLOW_HTTP: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  RECONCILE_INTERVAL_MS: int(1000, 3_600_000).default(60_000),
  ORPHAN_GRACE_MS: int(0, 86_400_000).default(10 * 60_000),
  RECONCILER: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  // How long the audit log keeps events; older ones are pruned hourly by the background loop.
  AUDIT_RETENTION_DAYS: int(1, 3650).default(90),
  // Stats history: how often the sampler reads every running workload, how many readings at once, how long raw
  // points and their 5-minute averages are kept (lib/stats).
  STATS_SAMPLE_INTERVAL_S: int(1, 3600).default(15),
  STATS_SAMPLE_CONCURRENCY: int(1, 256).default(16),
  STATS_RAW_RETENTION_HOURS: int(1, 24 * 30).default(24),
  STATS_ROLLUP_RETENTION_DAYS: int(1, 3650).default(30),
  // How long SIGTERM waits for in-flight requests (a launch) before the process exits anyway.
  SHUTDOWN_DRAIN_MS: int(0, 600_000).default(8000),

  // Idle shutdown: the seeded templates' idle timeout (an admin's edit of a template wins), how often the culler
  // looks, and how often activity seen by forward-auth is written (never per request).
  IDLE_TIMEOUT: duration.default(30 * 60),
  CULL_INTERVAL_MS: int(200, 3_600_000).default(60_000),
  ACTIVITY_FLUSH_MS: int(100, 300_000).default(30_000),

  // Quotas per user, over their workspaces (0: no limit); an admin may set other values per user.
  QUOTA_WORKSPACES: int(0, 10_000).default(20),
  QUOTA_RUNNING: int(0, 10_000).default(5),
  QUOTA_MEMORY: byteSizeOrZero.default(0),
  QUOTA_CPUS: z.coerce.number().min(0).max(4096).default(0),

  // Capacity, checked before every start: the memory limits of running workspaces stay within the engine's memory
  // (or CAPACITY_MEMORY) times the overcommit factor, the engine keeps CAPACITY_FREE_MEMORY_FLOOR free, and no more
  // than MAX_CONCURRENT_STARTS launches run at once.
  CAPACITY_OVERCOMMIT: z.coerce.number().min(0.1).max(100).default(1.5),
  CAPACITY_MEMORY: byteSizeOrZero.default(0),
  CAPACITY_FREE_MEMORY_FLOOR: byteSizeOrZero.default(256 * 1024 ** 2),
  MAX_CONCURRENT_STARTS: int(1, 1000).default(20),

  // API: requests a minute per API token and per client address without a valid token or session (429 past them),
  // the longest an API token may live, and the bearer secret Prometheus scrapes /metrics with (unset: admin tokens
  // only).
  API_RATE_LIMIT: int(1, 10_000).default(100),
  API_RATE_LIMIT_ANONYMOUS: int(1, 10_000).default(60),
  API_TOKEN_MAX_DAYS: int(1, 3650).default(365),
  METRICS_TOKEN: z
    .string()
    .min(32, { message: "must be at least 32 characters (try: openssl rand -hex 32)" })
    .optional(),

  // Admin: how many workspaces a bulk action works on at once (each a launch, stop or removal on the engine).
  ADMIN_BULK_CONCURRENCY: int(1, 32).default(4),

  // Test hooks only: a launch stops at this step (or pauses TEST_FAULT_DELAY_MS), so crash tests hit it exactly.
  TEST_FAULT_POINT: z.enum(FAULT_POINTS, { message: `must be one of ${FAULT_POINTS.join(", ")}` }).optional(),
  TEST_FAULT_DELAY_MS: int(0, 600_000).optional(),

  // Ingress: how containers become reachable.
  INGRESS: z.enum(["local", "traefik"], { message: "must be local or traefik" }).default("local"),
  APP_HOST: dnsName.optional(),
  TRAEFIK_ENTRYPOINTS: commaList(
    z.string().regex(/^[a-zA-Z0-9_-]+$/, { message: "must be entrypoint names" }),
  ).default(["websecure"]),
  // An explicitly empty value means no resolver (parseEnv keeps it); unset means letsencrypt.
  TRAEFIK_CERT_RESOLVER: z
    .string()
    .regex(/^[a-zA-Z0-9_-]*$/, { message: "must be a certificate resolver name" })
    .default("letsencrypt"),
  FORWARD_AUTH_URL: httpUrl.optional(),
  // Behind Traefik: each workspace app on its own host under WORKSPACE_DOMAIN (an isolated origin), or under a path
  // of the app's own host (the app's origin: only for users who trust each other).
  ROUTING: z.enum(["subdomain", "path"], { message: "must be subdomain or path" }).default("subdomain"),
  WORKSPACE_DOMAIN: dnsName.optional(),
  // Certificates of workspace hosts: the resolver (default: TRAEFIK_CERT_RESOLVER's), and whether routers ask it for
  // one wildcard certificate *.WORKSPACE_DOMAIN (a DNS-challenge resolver; Let's Encrypt's per-domain rate limits
  // make one certificate per host a poor fit for many workspaces) instead of one per host (HTTP challenge).
  WORKSPACE_CERT_RESOLVER: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, { message: "must be a certificate resolver name" })
    .optional(),
  WORKSPACE_WILDCARD_CERT: z
    .enum(["true", "false"], { message: "must be true or false" })
    .default("false")
    .transform((value) => value === "true"),
  // How long a workspace host's sign-in cookie lasts without use; it is renewed while used.
  WORKSPACE_SESSION_MINUTES: int(1, 24 * 60).default(30),
  // How long a handshake code may wait to be exchanged on its workspace host (at most a minute).
  WORKSPACE_CODE_SECONDS: int(1, 60).default(60),
});

type ParsedEnv = z.infer<typeof envSchema>;
export type Env = ParsedEnv & {
  APP_URL: string;
  APP_HOST: string;
  FORWARD_AUTH_URL: string;
  /** The workspace domain, "" unless workspaces are served on their own hosts (Traefik, ROUTING=subdomain). */
  WORKSPACE_DOMAIN: string;
  WORKSPACE_CERT_RESOLVER: string;
};

/** Settings that default from others: APP_URL from PORT; the public host and forward-auth address from APP_URL. */
function withDerived(env: ParsedEnv): Env {
  const appUrl = env.APP_URL ?? `http://localhost:${env.PORT}`;
  const app = new URL(appUrl);
  const subdomains = env.INGRESS === "traefik" && env.ROUTING === "subdomain";
  if (subdomains && !env.WORKSPACE_DOMAIN)
    throw new EnvError(
      "Invalid settings:\n  WORKSPACE_DOMAIN is required with INGRESS=traefik and ROUTING=subdomain (the default): a wildcard domain such as ws.example.com, or set ROUTING=path",
    );
  return {
    ...env,
    APP_URL: appUrl,
    APP_HOST: env.APP_HOST ?? app.hostname,
    FORWARD_AUTH_URL: env.FORWARD_AUTH_URL ?? new URL("/api/forward-auth", app).toString(),
    WORKSPACE_DOMAIN: subdomains ? (env.WORKSPACE_DOMAIN ?? "").toLowerCase() : "",
    WORKSPACE_CERT_RESOLVER: env.WORKSPACE_CERT_RESOLVER ?? env.TRAEFIK_CERT_RESOLVER,
  };
}

export class EnvError extends Error {}

// Settings where an empty value says something ("none"); every other empty value counts as unset.
const EMPTY_IS_A_VALUE = new Set(["TRAEFIK_CERT_RESOLVER"]);

/** Parses settings; the error message lists every bad variable by name. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([name, value]) => value !== "" || EMPTY_IS_A_VALUE.has(name)),
  );
  const result = envSchema.safeParse(cleaned);
  if (result.success) return withDerived(result.data);
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "settings");
    const message =
      issue.code === "invalid_type" && cleaned[name] === undefined ? "is required" : issue.message;
    return `  ${name} ${message}`;
  });
  throw new EnvError(`Invalid settings:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The settings of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
