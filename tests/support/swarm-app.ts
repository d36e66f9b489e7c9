// The built app with RUNTIME=swarm on a 3-node Swarm lab: its own database, the lab's manager as DOCKER_HOST, each
// node's engine named in SWARM_NODE_ENDPOINTS, the dev template on the lab's workspace image; a user (and an admin)
// with API tokens. Everything the app makes lives in the lab, which stop() removes.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import Database from "better-sqlite3";
import { newToken, tokenHash, tokenLookup } from "@/lib/tokens/token-format";
import { type AppServer, startAppServer } from "./app-server";
import { createTestDatabase, userInDatabase } from "./database";
import { LAB_WORKSPACE_IMAGE, type SwarmLab, startSwarmLab } from "./swarm-lab";

export type SwarmUser = {
  id: string;
  slug: string;
  email: string;
  bearer: { authorization: string };
  /** A session cookie, for pages and server actions. */
  cookie: string;
};

export type SwarmApp = {
  lab: SwarmLab;
  app: AppServer;
  databaseUrl: string;
  /** The settings the app was started with (a benchmark builds the same service spec from them). */
  env: Record<string, string>;
  user: SwarmUser;
  admin: SwarmUser;
  /** Another API token of `who`, with these scopes. */
  tokenFor: (who: SwarmUser, scopes: string[]) => { authorization: string };
  /** An API call as `who` (the user by default); the body parsed. */
  api: (
    method: string,
    path: string,
    body?: unknown,
    who?: SwarmUser,
  ) => Promise<{
    status: number;
    body: Record<string, unknown> & { error?: { code: string; message: string } };
  }>;
  /** Stops the app (if it still runs) and starts it again on the same database and lab, with these settings added. */
  restartApp: (env?: Record<string, string>) => Promise<AppServer>;
  stop: () => Promise<void>;
};

export const SWARM_LABEL_PREFIX = "spawner-sw";

function tokenInDatabase(url: string, userId: string, scopes: string[]): { authorization: string } {
  const token = newToken();
  const db = new Database(url.replace(/^file:/, ""));
  try {
    db.prepare(
      `INSERT INTO "ApiToken" (id, userId, name, lookup, hash, scopes, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      `t${randomBytes(8).toString("hex")}`,
      userId,
      "swarm tests",
      tokenLookup(token),
      tokenHash(token),
      scopes.join(","),
      Date.now() + 86_400_000,
    );
  } finally {
    db.close();
  }
  return { authorization: `Bearer ${token}` };
}

export async function startSwarmApp(options: {
  prefix: string;
  env?: Record<string, string>;
}): Promise<SwarmApp> {
  const lab = await startSwarmLab({ prefix: options.prefix });
  const { url: databaseUrl, dir } = createTestDatabase("swarm");
  let app: AppServer | undefined;
  const settings: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString("hex"),
    ADMIN_EMAILS: "",
    RUNTIME: "swarm",
    DOCKER_HOST: `unix://${lab.managerSocket}`,
    SWARM_NODE_ENDPOINTS: lab.nodes.map((node) => `${node.name}=unix://${node.socketPath}`).join(","),
    LABEL_PREFIX: SWARM_LABEL_PREFIX,
    CONTAINER_NETWORK: SWARM_LABEL_PREFIX,
    USER_TEMPLATE_IMAGE_DEV: LAB_WORKSPACE_IMAGE,
    USER_TEMPLATE_PORT_DEV: "8080",
    USER_TEMPLATE_IMAGE_PROD: "spawner-missing-image:never",
    USER_TEMPLATE_IMAGE_IDE: "spawner-missing-image:never",
    CONTAINER_MEMORY: "64m",
    CONTAINER_CPUS: "0.25",
    CONTAINER_PIDS_LIMIT: "64",
    INGRESS: "local",
    QUOTA_RUNNING: "20",
    QUOTA_WORKSPACES: "50",
    API_RATE_LIMIT: "10000",
    API_RATE_LIMIT_ANONYMOUS: "10000",
    TRUSTED_PROXY_HOPS: "1",
    // The lab's engines share two cores with the test runner (and under npm test, with nothing else: the swarm
    // project runs last); a Swarm call under load may take longer than the default quick-call bound.
    DOCKER_TIMEOUT_MS: "15000",
    READINESS_TIMEOUT_MS: "60000",
    ...options.env,
  };
  try {
    app = await startAppServer(settings);
  } catch (error) {
    lab.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  let started = app;
  const person = (name: string, role: "USER" | "ADMIN", scopes: string[]): SwarmUser => {
    const row = userInDatabase(databaseUrl, name, role);
    return {
      id: row.id,
      slug: row.slug,
      email: row.email,
      bearer: tokenInDatabase(databaseUrl, row.id, scopes),
      cookie: row.cookie,
    };
  };
  const user = person("swarm-ada", "USER", ["workspaces:write"]);
  const admin = person("swarm-root", "ADMIN", ["workspaces:write", "admin"]);
  const swarm: SwarmApp = {
    lab,
    app: started,
    restartApp: async (env = {}) => {
      await started.stop().catch(() => {});
      started = await startAppServer({ ...settings, ...env });
      swarm.app = started;
      return started;
    },
    databaseUrl,
    env: settings,
    user,
    admin,
    tokenFor: (who, scopes) => tokenInDatabase(databaseUrl, who.id, scopes),
    api: async (method, path, body, who = user) => {
      const response = await fetch(`${started.url}${path}`, {
        method,
        headers: { ...who.bearer, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: Record<string, unknown> = {};
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = { text };
      }
      return { status: response.status, body: parsed };
    },
    stop: async () => {
      await started.stop().catch(() => {});
      lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return swarm;
}
