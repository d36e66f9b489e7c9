// Workspaces whose data every node reaches (a template's shared volume) are not pinned: Swarm moves them off a drained
// node and reschedules them when a worker's engine dies. Pinned ones wait for their node, and say so.
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SWARM } from "../support/prefixes";
import { type SwarmApp, startSwarmApp } from "../support/swarm-app";
import { LAB_WORKSPACE_IMAGE } from "../support/swarm-lab";

let swarm: SwarmApp;
let manager: Dockerode;

beforeAll(async () => {
  swarm = await startSwarmApp({ prefix: SWARM });
  manager = swarm.lab.manager;
  // The lab has no shared storage: a tmpfs volume stands in for NFS (each node's is its own, empty one, which is
  // all these tests need: a workspace that may run anywhere).
  const template = await swarm.api(
    "POST",
    "/api/v1/admin/templates",
    {
      name: "shared",
      display_name: "Shared data",
      image: LAB_WORKSPACE_IMAGE,
      apps: [{ name: "web", port: 8080, primary: true }],
      limits: {
        default: { memory_mb: 64, cpus: 0.25, pids: 64 },
        max: { memory_mb: 128, cpus: 1, pids: 128 },
      },
      data_path: "/workspace",
      volume: {
        driver: "local",
        options: { type: "tmpfs", device: "tmpfs", o: "size=16m,uid=1000,gid=1000" },
        shared: true,
      },
    },
    swarm.admin,
  );
  expect(template.status, JSON.stringify(template.body)).toBe(201);
});
afterAll(async () => {
  await swarm?.stop();
});

type Placement = { node: string | null; pinned_to: string | null; waiting: string | null };
type Detail = { id: string; status: string; apps: { url: string | null }[]; placement: Placement | null };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answers(url: string | null | undefined): Promise<boolean> {
  if (!url) return false;
  const response = await fetch(`${url}workspace/starts`, { signal: AbortSignal.timeout(1500) }).catch(
    () => null,
  );
  return response?.ok === true;
}

async function detailOf(id: string): Promise<Detail> {
  return (await swarm.api("GET", `/api/v1/workspaces/${id}`)).body as unknown as Detail;
}

/** Polls until the workspace runs on another node than `from` and answers there; the time it took. */
async function movedOff(id: string, from: string, withinMs: number): Promise<{ ms: number; detail: Detail }> {
  const started = Date.now();
  let last: Detail | undefined;
  while (Date.now() - started < withinMs) {
    last = await detailOf(id);
    const url = last.apps[0]?.url;
    if (last.status === "running" && last.placement?.node !== from && (await answers(url)))
      return { ms: Date.now() - started, detail: last };
    await sleep(100);
  }
  throw new Error(`not moved off ${from} within ${withinMs} ms: ${JSON.stringify(last)}`);
}

async function nodeIdOf(hostname: string): Promise<string> {
  const nodes = await manager.listNodes();
  return nodes.find((node) => node.Description?.Hostname === hostname)?.ID ?? "";
}

describe("moving workspaces on a Swarm", () => {
  const shared: Detail[] = [];
  let pinned: Detail;

  it("places shared workspaces without pinning them, and pinned ones on their volume's node", async () => {
    for (let i = 1; i <= 3; i++) {
      const answer = await swarm.api("POST", "/api/v1/workspaces", { name: `s${i}`, template: "shared" });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      shared.push(answer.body as unknown as Detail);
    }
    for (const workspace of shared) {
      expect(workspace.placement?.pinned_to).toBeNull();
      expect(await answers(workspace.apps[0]?.url)).toBe(true);
    }
    const answer = await swarm.api("POST", "/api/v1/workspaces", { name: "p1", template: "dev" });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    pinned = answer.body as unknown as Detail;
    expect(pinned.placement?.pinned_to).toBe(pinned.placement?.node);
  });

  it("moves a drained node's shared workspaces; the workspace pinned there waits, saying why, until it is active", async () => {
    // The pinned workspace's node (the app's own needs its hostname typed), and the shared one running there.
    const node = pinned.placement?.pinned_to as string;
    // Swarm spreads the shared ones; until one of them runs on the pinned one's node, another is made (at most 6).
    let there: Detail[] = [];
    for (let more = shared.length + 1; ; more++) {
      const details = await Promise.all(shared.map((workspace) => detailOf(workspace.id)));
      there = details.filter((detail) => detail.placement?.node === node);
      if (there.length > 0 || more > 6) break;
      const answer = await swarm.api("POST", "/api/v1/workspaces", { name: `s${more}`, template: "shared" });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      shared.push(answer.body as unknown as Detail);
    }
    expect(there.length).toBeGreaterThan(0);
    const id = await nodeIdOf(node);
    const drained = await swarm.api(
      "POST",
      `/api/v1/admin/nodes/${id}/drain?confirm=${node}`,
      undefined,
      swarm.admin,
    );
    expect(drained.status, JSON.stringify(drained.body)).toBe(200);
    for (const workspace of there) {
      const moved = await movedOff(workspace.id, node, 30_000);
      console.log(
        `drain: ${workspace.id} moved off ${node} to ${moved.detail.placement?.node} in ${moved.ms} ms`,
      );
    }
    const waiting = await detailOf(pinned.id);
    expect(waiting.status).toBe("error");
    expect(waiting.placement?.waiting).toContain(`node ${node}, which an admin set to drain`);
    const activated = await swarm.api("POST", `/api/v1/admin/nodes/${id}/activate`, undefined, swarm.admin);
    expect(activated.status).toBe(200);
    const started = Date.now();
    for (let back = await detailOf(pinned.id); ; back = await detailOf(pinned.id)) {
      if (back.status === "running" && (await answers(back.apps[0]?.url))) break;
      if (Date.now() - started > 30_000)
        throw new Error(`the pinned workspace did not come back: ${JSON.stringify(back)}`);
      await sleep(200);
    }
  });

  it("reschedules a shared workspace within 15 s of its worker's engine dying", async () => {
    const details = await Promise.all(shared.map((workspace) => detailOf(workspace.id)));
    const onWorker = details.find(
      (detail) => detail.placement?.node && detail.placement.node !== "node1",
    ) as Detail;
    const node = onWorker.placement?.node as string;
    const index = swarm.lab.nodes.findIndex((candidate) => candidate.name === node);
    swarm.lab.killNode(index);
    try {
      // Waited for longer than the bound, so a slow move fails on the bound with its time, not on the wait.
      const moved = await movedOff(onWorker.id, node, 30_000);
      console.log(
        `node loss: ${onWorker.id} answering on ${moved.detail.placement?.node} ${moved.ms} ms after ${node} died`,
      );
      expect(moved.ms).toBeLessThan(15_000);
    } finally {
      await swarm.lab.restartNode(index);
    }
  });

  it("keeps a shared workspace's data as a kept volume, or removes its record and Docker volumes", async () => {
    const [keep, drop] = shared;
    const kept = await swarm.api("DELETE", `/api/v1/workspaces/${keep?.id}?keep_data=true`);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect((kept.body.kept_volume as { name: string } | null)?.name).toMatch(/^ws-/);
    const dropped = await swarm.api("DELETE", `/api/v1/workspaces/${drop?.id}?keep_data=false`);
    expect(dropped.status, JSON.stringify(dropped.body)).toBe(200);
    expect(dropped.body.kept_volume).toBeNull();
    const records = await manager.listConfigs({ filters: { label: ["spawner.runtime.volume"] } });
    const names = records.map((record) => record.Spec?.Labels?.["spawner.runtime.volume"]);
    expect(names).toContain((kept.body.kept_volume as { name: string }).name);
    expect(names.some((name) => name?.includes(drop?.id ?? "?"))).toBe(false);
    for (const node of swarm.lab.nodes) {
      const volumes = (await node.docker.listVolumes()).Volumes ?? [];
      expect(volumes.some((volume) => volume.Name.includes(drop?.id ?? "?"))).toBe(false);
    }
  });
});
