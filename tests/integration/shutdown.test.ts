// SIGTERM mid-launch (a test hook holds the launch right after start) with a log stream and a progress stream
// open: the streams end, the server lets go of the Docker Engine, the launch still answers, the process exits 0.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { createWorkspaceSchema } from "@/lib/validations/workspace";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { launchSlot } from "@/lib/workspaces/launch-slot";
import { type AppServer, startAppServer } from "../support/app-server";
import { dockerConnections } from "../support/docker-connections";
import { openSse } from "../support/sse";
import { docker } from "../support/test-image";
import { actorOf, type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const HOLD_MS = 2500;
let app: AppServer;
let user: TestUser;
let devId = "";
let heldId = "";

beforeAll(async () => {
  user = await userWithSession(getDb(), uniqueEmail("sigterm"));
  // The dev workspace (whose log is followed) runs before the server starts; "held" is launched through it.
  await launchSlot({ actor: actorOf(user), type: "dev" });
  devId = (await getDb().workspace.findFirstOrThrow({ where: { ownerId: user.id, name: "dev" } })).id;
  heldId = (
    await createWorkspace({
      actor: actorOf(user),
      input: createWorkspaceSchema.parse({ name: "held", template: "dev" }),
    })
  ).id;
  app = await startAppServer({
    ...testSettings,
    TEST_FAULT_POINT: "after-start",
    TEST_FAULT_DELAY_MS: String(HOLD_MS),
  });
});
afterAll(async () => {
  await app?.stop();
});

async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

describe("SIGTERM", () => {
  it("ends streams and Docker connections at once, lets the launch finish, and exits 0", async () => {
    const pid = Number(app.process.pid);
    const logs = await openSse(`${app.url}/api/workspaces/${devId}/logs`, user.cookie);
    await logs.waitFor(
      (e) => e.event === "line" && String((e.data as { text: string }).text).includes("is up"),
    );
    const launch = fetch(`${app.url}/api/workspaces/${heldId}/start`, {
      method: "POST",
      headers: { cookie: user.cookie },
    });
    await app.waitForOutput("[fault] reached after-start");
    const progress = await openSse(`${app.url}/api/workspaces/${heldId}/progress`, user.cookie);
    await progress.waitFor((e) => (e.data as { status: string }).status === "running");
    expect(dockerConnections(pid)).toBeGreaterThanOrEqual(1);

    const signalled = Date.now();
    app.process.kill("SIGTERM");
    await within(1000, "ending the log and progress streams", Promise.all([logs.ended, progress.ended]));
    // Long before the held launch goes on: the events and log streams are closed, idle sockets too.
    let released = Date.now() - signalled;
    while (dockerConnections(pid) > 0 && released < HOLD_MS) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      released = Date.now() - signalled;
    }
    expect(released, "Docker connections still open").toBeLessThan(1000);
    expect(logs.events.some((e) => e.event === "end")).toBe(false);

    const response = await launch;
    const body = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(JSON.parse(docker("inspect", body.container_id))[0].State.Running).toBe(true);
    expect(await within(5000, "exiting", app.exited)).toBe(0);
    console.info(
      `[shutdown] Docker released ${released} ms, exited ${Date.now() - signalled} ms after SIGTERM`,
    );
  });

  it("waits no longer than SHUTDOWN_DRAIN_MS for a request that does not finish, then exits 1", async () => {
    const stuck = await startAppServer({
      ...testSettings,
      TEST_FAULT_POINT: "after-row",
      SHUTDOWN_DRAIN_MS: "1000",
    });
    try {
      const other = await userWithSession(getDb(), uniqueEmail("stuck"));
      const launch = fetch(`${stuck.url}/api/container/launch/dev`, {
        method: "POST",
        headers: { cookie: other.cookie },
      }).catch(() => null);
      await stuck.waitForOutput("[fault] reached after-row");
      const signalled = Date.now();
      stuck.process.kill("SIGTERM");
      expect(await within(3000, "exiting", stuck.exited)).toBe(1);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(1000);
      expect(await launch).toBeNull();
      expect(stuck.output()).toContain("1 request(s) still open after 1000 ms");
    } finally {
      await stuck.stop();
    }
  });
});
