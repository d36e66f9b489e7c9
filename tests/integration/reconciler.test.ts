import Docker from "dockerode";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { Reconciler } from "@/lib/reconciler/reconciler";
import { dockerRuntime } from "@/lib/runtime/docker";
import { launchSlot } from "@/lib/workspaces/launch-slot";
import { startDockerProxy } from "../support/docker-proxy";
import { IT } from "../support/prefixes";
import { docker } from "../support/test-image";
import { actorOf, uniqueEmail, userWithSession } from "../support/users";
import { until } from "../support/wait";
import { testSettings } from "./setup-env";

const image = testSettings.USER_TEMPLATE_IMAGE_DEV;
const made: string[] = [];
const run = (...args: string[]) => {
  const id = docker("run", "-d", ...args, image);
  made.push(id);
  return id;
};
const exists = (id: string) => docker("ps", "-aq", "--no-trunc", "--filter", `id=${id}`) === id;
const logs: string[] = [];

afterAll(() => {
  for (const id of made) if (exists(id)) docker("rm", "-f", id);
});

describe("Reconciler (real engine)", () => {
  it("removes a labelled orphan after the grace period and never touches unlabelled containers", async () => {
    const reconciler = new Reconciler({ intervalMs: 60_000, graceMs: 800, log: (line) => logs.push(line) });
    const orphan = run(
      "--label",
      `${IT}.managed-by=spawner`,
      "--label",
      `${IT}.owner-id=nobody`,
      "--label",
      `${IT}.type=dev`,
      "--label",
      `${IT}.slug=nobody`,
    );
    // Labelled with a workspace id no row has: an orphan too.
    const lost = run(
      "--label",
      `${IT}.managed-by=spawner`,
      "--label",
      `${IT}.workspace-id=wgone`,
      "--label",
      `${IT}.owner-id=nobody`,
      "--label",
      `${IT}.workspace=x`,
    );
    const stranger = run("--label", `${IT}.owner-id=nobody`);
    const helper = run("--label", `${IT}.managed-by=spawner-helper`, "--label", `${IT}.workspace-id=wgone`);
    const plain = run();

    const first = await reconciler.runOnce();
    expect(first.orphans.map((o) => o.id)).toEqual(expect.arrayContaining([orphan, lost]));
    expect(first.remove).not.toContain(orphan);
    expect(exists(orphan)).toBe(true);
    expect(logs.some((line) => line.includes(orphan.slice(0, 12)))).toBe(true);

    await new Promise((resolve) => setTimeout(resolve, 900));
    const second = await reconciler.runOnce();
    expect(second.remove).toEqual(expect.arrayContaining([orphan, lost]));
    expect(exists(orphan)).toBe(false);
    expect(exists(lost)).toBe(false);
    expect(exists(stranger)).toBe(true);
    expect(exists(helper)).toBe(true);
    expect(exists(plain)).toBe(true);
  });

  it("clears a row whose container was removed behind the app's back", async () => {
    const owner = await userWithSession(getDb(), uniqueEmail("drift"));
    const { container_id } = await launchSlot({ actor: actorOf(owner), type: "dev" });
    docker("rm", "-f", container_id);
    await new Reconciler({ intervalMs: 60_000, graceMs: 60_000 }).runOnce();
    const row = await getDb().workspace.findFirstOrThrow({ where: { ownerId: owner.id } });
    expect(row.runtimeId).toBeNull();
  });

  it("adopts a workload labelled with a workspace's id after its row lost the runtime id", async () => {
    const owner = await userWithSession(getDb(), uniqueEmail("adopt"));
    const { container_id } = await launchSlot({ actor: actorOf(owner), type: "dev" });
    await getDb().workspace.updateMany({ where: { ownerId: owner.id }, data: { runtimeId: null } });
    const plan = await new Reconciler({ intervalMs: 60_000, graceMs: 0 }).runOnce();
    expect(plan.remove).not.toContain(container_id);
    expect((await getDb().workspace.findFirstOrThrow({ where: { ownerId: owner.id } })).runtimeId).toBe(
      container_id,
    );
    expect(exists(container_id)).toBe(true);
  });

  it("follows Docker events once started, and stops cleanly", async () => {
    const reconciler = new Reconciler({ intervalMs: 60_000, graceMs: 60_000 });
    const seen: string[] = [];
    reconciler.events.on("event", (event: { action: string }) => seen.push(event.action));
    reconciler.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const owner = await userWithSession(getDb(), uniqueEmail("events"));
    const { container_id } = await launchSlot({ actor: actorOf(owner), type: "dev" });
    docker("stop", "-t", "1", container_id);
    for (let i = 0; i < 40 && !seen.includes("die"); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    reconciler.stop();
    expect(seen).toEqual(expect.arrayContaining(["start", "die"]));
  });

  it("stopped while its events stream is still opening, it leaves no stream behind", async () => {
    // The reconciler's runtime goes through a proxy that tells which engine requests are open.
    const proxy = await startDockerProxy();
    const runtime = dockerRuntime(new Docker({ socketPath: proxy.host.replace("unix://", "") }));
    const openEvents = () => proxy.openRequests(/^GET \S*\/events\?/);
    try {
      // The control: a started reconciler holds exactly one events request open.
      const running = new Reconciler({ intervalMs: 60_000, graceMs: 60_000, runtime });
      running.start();
      await until(() => openEvents().length === 1, 2000, "a started reconciler opened no events stream");
      running.stop();
      await until(() => openEvents().length === 0, 2000, "a stopped reconciler kept its events stream");

      // A shutdown right after start-up: stop() comes before the engine has answered the events request.
      const reconciler = new Reconciler({ intervalMs: 60_000, graceMs: 60_000, runtime });
      reconciler.start();
      reconciler.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(openEvents()).toEqual([]);
    } finally {
      await proxy.down();
    }
  });
});
