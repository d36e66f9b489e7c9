// The production shape of subdomain routing on one machine: the built app behind the test proxy (tests/support/
// workspace-proxy.ts) as https://spawner.test, workspaces under *.ws.spawner.test, real SMTP capture, its own
// database, label prefix and network. Chromium reaches it all through --host-resolver-rules.
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { type AppServer, freePort, startAppServer } from "./app-server";
import { launchBrowser } from "./browser";
import { createTestDatabase } from "./database";
import { startSmtpCapture } from "./smtp-capture";
import { removeLabelled, removeNetwork } from "./test-image";
import { startWorkspaceProxy, type WorkspaceProxy } from "./workspace-proxy";

export const APP_HOST = "spawner.test";
export const WORKSPACE_DOMAIN = "ws.spawner.test";
/** Never served: where an open redirect would land (mapped to the proxy, which has no route for it). */
export const EVIL_HOST = "evil.example";

export type SubdomainStack = {
  baseUrl: string;
  mailDir: string;
  app: AppServer;
  proxy: WorkspaceProxy;
  launchBrowser: () => Promise<Browser>;
  stop: () => Promise<void>;
};

export async function startSubdomainStack(options: {
  prefix: string;
  env?: Record<string, string>;
}): Promise<SubdomainStack> {
  const { prefix } = options;
  const { url: databaseUrl, dir } = createTestDatabase(prefix);
  const mailDir = path.join(dir, "mail");
  mkdirSync(mailDir);
  removeLabelled(prefix);
  const smtp = await startSmtpCapture(mailDir);
  const port = await freePort();
  const proxy = await startWorkspaceProxy({
    appHost: APP_HOST,
    app: { address: "127.0.0.1", port },
    domain: WORKSPACE_DOMAIN,
    labelPrefix: prefix,
  });
  let app: AppServer | undefined;
  try {
    app = await startAppServer(
      {
        DATABASE_URL: databaseUrl,
        AUTH_SECRET: randomBytes(32).toString("hex"),
        EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
        EMAIL_FROM: "Spawner <spawner@test.example>",
        ADMIN_EMAILS: "",
        LABEL_PREFIX: prefix,
        CONTAINER_NETWORK: prefix,
        INGRESS: "traefik",
        ROUTING: "subdomain",
        APP_URL: `https://${APP_HOST}`,
        WORKSPACE_DOMAIN,
        // As in docker-compose.yml: Traefik asks the app on its internal address, not through the public one.
        FORWARD_AUTH_URL: `http://127.0.0.1:${port}/api/forward-auth`,
        TRAEFIK_CERT_RESOLVER: "",
        ...options.env,
      },
      { port },
    );
  } catch (error) {
    await proxy.close();
    await smtp.close();
    throw error;
  }
  const started = app;
  return {
    baseUrl: `https://${APP_HOST}`,
    mailDir,
    app: started,
    proxy,
    launchBrowser: () => launchBrowser(proxy.chromiumArgs([EVIL_HOST])),
    stop: async () => {
      await started.stop();
      await proxy.close();
      await smtp.close();
      removeLabelled(prefix);
      removeNetwork(prefix);
      if (process.env.E2E_KEEP) console.log(started.output());
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
