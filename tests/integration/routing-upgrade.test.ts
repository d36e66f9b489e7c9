// Upgrading from path routing to subdomain routing loses nothing: a workspace launched by a server in path mode keeps
// running, with its container and volume, when the next server starts in subdomain mode. Docker can't relabel it,
// so the new server marks it for re-creation; the next Open makes it anew on its own host, on the same volume.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { docker, removeLabelled } from "../support/test-image";
import { testSettings } from "./setup-env";

const PREFIX = `${IT}-routing`;
const APP = "https://spawner.test";
const { url: databaseUrl } = createTestDatabase("routing-upgrade");
const settings = {
  ...testSettings,
  DATABASE_URL: databaseUrl,
  LABEL_PREFIX: PREFIX,
  INGRESS: "traefik",
  APP_URL: APP,
};
let app: AppServer | undefined;
let cookie = "";
let slug = "";

type Launched = { service_url: string; container_id: string };
type WorkspaceJson = {
  status: string;
  container_id: string;
  pending_change: string | null;
  data: { volume: string };
};
async function call<T>(method: string, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app?.url}${path}`, { method, headers: { cookie } });
  return { status: response.status, body: (await response.json()) as T };
}
const launch = () => call<Launched>("POST", "/api/container/launch/dev");
const labelsOf = (id: string): Record<string, string> =>
  JSON.parse(docker("inspect", "--format", "{{json .Config.Labels}}", id));
const rules = (labels: Record<string, string>) =>
  Object.entries(labels)
    .filter(([key]) => key.endsWith(".rule"))
    .map(([, rule]) => rule);
const devWorkspace = async () =>
  (await call<{ workspaces: WorkspaceJson[] }>("GET", "/api/workspaces")).body.workspaces[0];

beforeAll(() => {
  removeLabelled(PREFIX);
  const user = userInDatabase(databaseUrl, "route");
  // With an https APP_URL the app's session cookie is the host-only __Host- one.
  cookie = `__Host-${user.cookie}`;
  slug = user.slug;
});
afterAll(async () => {
  await app?.stop();
  removeLabelled(PREFIX);
});

describe("from path routing to subdomain routing", () => {
  let first = "";
  let volume = "";

  it("launches a workspace under a path of the app's host", async () => {
    app = await startAppServer({ ...settings, ROUTING: "path" });
    const launched = await launch();
    expect(launched.status).toBe(200);
    expect(launched.body.service_url).toBe(`${APP}/${slug}-dev/`);
    first = launched.body.container_id;
    expect(rules(labelsOf(first))).toEqual([
      `Host(\`spawner.test\`) && (Path(\`/${slug}-dev\`) || PathPrefix(\`/${slug}-dev/\`))`,
    ]);
    volume = (await devWorkspace())?.data.volume ?? "";
    expect(volume).not.toBe("");
    await app.stop();
  });

  it("keeps it running under the new server, marked for re-creation, and re-creates it on Open on its own host", async () => {
    app = await startAppServer({ ...settings, ROUTING: "subdomain", WORKSPACE_DOMAIN: "ws.test" });
    // The check runs beside the start-up (an engine that is down must not hold the server up).
    await app.waitForOutput("made under other routing");
    const marked = await devWorkspace();
    expect(marked).toMatchObject({ status: "running", container_id: first, pending_change: "recreate" });
    expect(docker("inspect", "--format", "{{.State.Running}}", first)).toBe("true");

    const launched = await launch();
    expect(launched.status).toBe(200);
    expect(launched.body.service_url).toBe(`https://web--${slug}-dev.ws.test/`);
    expect(launched.body.container_id).not.toBe(first);
    expect(rules(labelsOf(launched.body.container_id))).toEqual([`Host(\`web--${slug}-dev.ws.test\`)`]);
    // The old container is gone, the data volume is the same one.
    expect(docker("ps", "-aq", "--no-trunc", "--filter", `id=${first}`)).toBe("");
    const now = await devWorkspace();
    expect(now).toMatchObject({ pending_change: null, data: { volume } });
    expect(
      docker("inspect", "--format", "{{range .Mounts}}{{.Name}}{{end}}", launched.body.container_id),
    ).toBe(volume);
  });

  it("leaves a workspace alone once its routing is current", async () => {
    await app?.stop();
    app = await startAppServer({ ...settings, ROUTING: "subdomain", WORKSPACE_DOMAIN: "ws.test" });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(app.output()).not.toContain("made under other routing");
    expect((await devWorkspace())?.pending_change).toBeNull();
  });
});
