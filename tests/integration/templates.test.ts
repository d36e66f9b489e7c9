// The real dev and prod templates (npm run templates:build), launched through the app and read over their
// service URL, and both behind a Traefik-like StripPrefix proxy with the SERVICE_BASE_PATH the app sets.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { getRuntime } from "@/lib/runtime/get-runtime";
import { SLOT_NAMES, type SlotName, seededTemplateRows } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { workloadSpecFor } from "@/lib/workspaces/workload-spec";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase, userInDatabase } from "../support/database";
import { waitForHttp } from "../support/http";
import { pageReferences, shownText } from "../support/page-assets";
import { type StripPrefixProxy, startStripPrefixProxy } from "../support/strip-prefix-proxy";
import { testSettings } from "./setup-env";

const IMAGES = { dev: "spawner-dev:latest", prod: "spawner-prod:latest" };
// The app's defaults, with room for a Node.js server; the reconciler stays out of the containers made below.
const settings = {
  ...testSettings,
  USER_TEMPLATE_IMAGE_DEV: IMAGES.dev,
  USER_TEMPLATE_IMAGE_PROD: IMAGES.prod,
  CONTAINER_MEMORY: "256m",
  RECONCILER: "off",
};
const PLACEHOLDER = "__spawner_base_path__";

// Other template images than the shared database's: a database of its own (templates are seeded per server).
const own = createTestDatabase("templates");
let app: AppServer;
let ada: { id: string; slug: string; cookie: string };

// In a hook: its error fails every test of the file (scripts/test-summary.mjs counts them as failed).
function requireTemplateImages(): void {
  const missing = Object.values(IMAGES).filter(
    (image) => spawnSync("docker", ["image", "inspect", image], { stdio: "ignore" }).status !== 0,
  );
  if (missing.length > 0)
    throw new Error(
      `Template image(s) ${missing.join(", ")} not built: run \`npm run templates:build\` ` +
        "(scripts/images/build-local.sh where no image can be pulled).",
    );
}

/** Loads a page and everything it references; every reference must answer 200 and none may escape the prefix. */
async function loadPage(pageUrl: string, prefix: string) {
  const html = await waitForHttp(pageUrl, 30_000);
  const references = pageReferences(html, pageUrl);
  for (const url of references) {
    expect(url.pathname.startsWith(`${prefix}/`), `${url.pathname} stays under ${prefix}/`).toBe(true);
    const response = await fetch(url);
    const body = await response.text();
    expect(response.status, `${url}`).toBe(200);
    expect(body, `${url} has its base path filled in`).not.toContain(PLACEHOLDER);
  }
  return { html, text: shownText(html), paths: references.map((url) => url.pathname) };
}

function expectNextAssets(paths: string[], prefix: string): void {
  const assets = paths.filter((path) => path.startsWith(`${prefix}/_next/static/`));
  expect(assets.some((path) => path.endsWith(".js"))).toBe(true);
  expect(assets.some((path) => path.endsWith(".css"))).toBe(true);
}

beforeAll(async () => {
  requireTemplateImages();
  app = await startAppServer({ ...settings, DATABASE_URL: own.url });
  ada = userInDatabase(own.url, "tpl");
});
afterAll(async () => {
  await app?.stop();
  rmSync(own.dir, { recursive: true, force: true });
});

describe("templates launched through the app (local ingress)", () => {
  const launch = async (type: SlotName) => {
    const response = await fetch(`${app.url}/api/container/launch/${type}`, {
      method: "POST",
      headers: { cookie: ada.cookie, origin: app.url },
    });
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.service_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    return String(body.service_url);
  };

  it("dev: nginx shows the owner's slug and the type, and its stylesheet loads", async () => {
    const page = await loadPage(await launch("dev"), "");
    expect(page.text).toContain(`Hello from ${ada.slug}-dev`);
    expect(page.html).toContain(`<dd id="slug">${ada.slug}</dd>`);
    expect(page.html).toContain(`<dd id="type">dev</dd>`);
    expect(page.paths).toContain("/style.css");
  });

  it("prod: the Next.js page shows slug and type, and its JS and CSS assets answer 200", async () => {
    const page = await loadPage(await launch("prod"), "");
    expect(page.text).toContain(`Hello from ${ada.slug}-prod`);
    expect(page.html).toMatch(/data-testid="type">prod</);
    expectNextAssets(page.paths, "");
  });
});

describe("templates behind a Traefik-like StripPrefix", () => {
  let proxy: StripPrefixProxy;
  const grace = { id: `ustrip${Date.now().toString(36)}`, slug: `strip-${Date.now().toString(36)}` };
  const prefixOf = (type: SlotName) => `/${grace.slug}-${type}`;

  beforeAll(async () => {
    // The app's own spec in Traefik mode (so SERVICE_BASE_PATH is what production sets), published on loopback.
    const env = parseEnv({
      ...settings,
      INGRESS: "traefik",
      ROUTING: "path",
      APP_URL: "https://spawner.test",
    });
    const runtime = getRuntime();
    const routes: Record<string, string> = {};
    for (const type of SLOT_NAMES) {
      const row = seededTemplateRows(env).find((candidate) => candidate.name === type);
      if (!row) throw new Error(`no seeded ${type} template`);
      const template = templateFromRow({ ...row, id: `tpl-${type}` });
      const workspace = {
        id: `${grace.id}${type}`,
        name: type,
        routeKey: `${grace.slug}-${type}`,
        hostKey: null,
        workloadName: `ws-${grace.slug}-${type}`,
        volumeName: `ws-${grace.slug}-${type}`,
        settings: EMPTY_SETTINGS,
      };
      const spec = { ...workloadSpecFor(env, workspace, grace, template), publishOnLoopback: true };
      expect(spec.env.SERVICE_BASE_PATH).toBe(prefixOf(type));
      const id = await runtime.create(spec);
      if (!id) throw new Error(`container ${spec.name} already exists`);
      await runtime.start(id);
      const published = (await runtime.inspect(id))?.endpoints.find(
        (endpoint) => endpoint.port === 8080,
      )?.published;
      if (!published) throw new Error(`container ${spec.name} published no port`);
      routes[prefixOf(type)] = `http://127.0.0.1:${published.port}`;
    }
    proxy = await startStripPrefixProxy(routes);
  });
  afterAll(async () => {
    await proxy?.close();
  });

  it("dev: the page and everything it links load under /{slug}-dev, with or without the trailing slash", async () => {
    for (const url of [`${proxy.url}${prefixOf("dev")}/`, `${proxy.url}${prefixOf("dev")}`]) {
      const page = await loadPage(url, prefixOf("dev"));
      expect(page.text).toContain(`Hello from ${grace.slug}-dev`);
      expect(page.paths).toContain(`${prefixOf("dev")}/style.css`);
    }
  });

  it("prod: the page and every asset it references load under /{slug}-prod, with or without the trailing slash", async () => {
    for (const url of [`${proxy.url}${prefixOf("prod")}/`, `${proxy.url}${prefixOf("prod")}`]) {
      const page = await loadPage(url, prefixOf("prod"));
      expect(page.text).toContain(`Hello from ${grace.slug}-prod`);
      expectNextAssets(page.paths, prefixOf("prod"));
    }
  });
});
