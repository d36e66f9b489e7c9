// The admin's nodes on a 3-node Swarm: the API and the page list them as the engine has them, drain and activate
// change the node's spec, the join command carries the manager's worker token, a killed node shows down; and a
// workspace pinned to a full node is refused naming that node, though the cluster as a whole has room.
import { totalmem } from "node:os";
import Database from "better-sqlite3";
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectConforms } from "../support/conforms";
import { SWARM } from "../support/prefixes";
import { type SwarmApp, startSwarmApp } from "../support/swarm-app";
import { eventually } from "../support/wait";

const MB = 1024 ** 2;
// Every lab node reports this machine's memory (one kernel). Each node plans for OVERCOMMIT of it; a workspace's
// limit is set so two fit on one node and a third doesn't, while seven fit in the three nodes' total.
const OVERCOMMIT = 0.1;
const WORKSPACE_MB = Math.floor((totalmem() / MB) * OVERCOMMIT * 0.4);

let swarm: SwarmApp;
let manager: Dockerode;

beforeAll(async () => {
  swarm = await startSwarmApp({
    prefix: SWARM,
    env: { CAPACITY_OVERCOMMIT: String(OVERCOMMIT), CONTAINER_MEMORY: `${WORKSPACE_MB}m` },
  });
  manager = swarm.lab.manager;
});
afterAll(async () => {
  if (swarm) {
    const output = swarm.app.output();
    if (/\[runtime\].*failed/.test(output)) console.log(output.slice(-4000));
    await swarm.stop();
  }
});

type NodeBody = {
  id: string;
  hostname: string;
  role: string;
  self: boolean;
  leader: boolean;
  availability: string;
  status: string;
  address: string;
  engine_version: string;
  cpus: number;
  memory_bytes: number;
  pinned: number;
  tasks: number;
};

const listed = async () => {
  const answer = await swarm.api("GET", "/api/v1/admin/nodes", undefined, swarm.admin);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as unknown as { runtime: string; nodes: NodeBody[] };
};
const nodeNamed = async (hostname: string) => {
  const found = (await listed()).nodes.find((node) => node.hostname === hostname);
  if (!found) throw new Error(`no node ${hostname}`);
  return found;
};
const engineNode = async (hostname: string) =>
  (await manager.listNodes()).find((node) => node.Description?.Hostname === hostname);
const page = async (cookie: string) =>
  fetch(`${swarm.app.url}/admin/nodes`, { headers: { cookie }, redirect: "manual" });
const rowOf = (html: string, hostname: string) =>
  html.match(new RegExp(`data-node="${hostname}"[\\s\\S]*?</tr>`))?.[0] ?? "";

function auditEvents(action: string) {
  const db = new Database(swarm.databaseUrl.replace(/^file:/, ""), { readonly: true });
  try {
    return db
      .prepare(`SELECT actorId, targetName, outcome FROM "AuditEvent" WHERE action = ? ORDER BY id`)
      .all(action) as { actorId: string; targetName: string; outcome: string }[];
  } finally {
    db.close();
  }
}

describe("the admin's nodes on a 3-node Swarm", () => {
  it("lists the three nodes as the engine has them: one manager (this app's, the leader), two workers", async () => {
    const body = await listed();
    expectConforms("adminListNodes", 200, body);
    expect(body.runtime).toBe("swarm");
    expect(body.nodes.map((node) => node.hostname)).toEqual(["node1", "node2", "node3"]);
    const version = (await manager.version()).Version;
    for (const node of body.nodes) {
      expect(node, node.hostname).toMatchObject({
        status: "ready",
        availability: "active",
        engine_version: version,
      });
      expect(node.cpus).toBeGreaterThan(0);
      expect(node.memory_bytes).toBeGreaterThan(0);
      expect(swarm.lab.nodes.map((lab) => lab.address)).toContain(node.address);
    }
    const [first, ...rest] = body.nodes;
    expect(first).toMatchObject({ hostname: "node1", role: "manager", self: true, leader: true });
    for (const node of rest) expect(node).toMatchObject({ role: "worker", self: false, leader: false });
  });

  it("drains node3 and activates it again, as the engine's node spec then says; both audited with the admin", async () => {
    const node3 = await nodeNamed("node3");
    const drained = await swarm.api("POST", `/api/v1/admin/nodes/${node3.id}/drain`, undefined, swarm.admin);
    expect(drained.status, JSON.stringify(drained.body)).toBe(200);
    expectConforms("adminDrainNode", 200, drained.body);
    expect((await engineNode("node3"))?.Spec?.Availability).toBe("drain");
    expect((await nodeNamed("node3")).availability).toBe("drain");
    const active = await swarm.api(
      "POST",
      `/api/v1/admin/nodes/${node3.id}/activate`,
      undefined,
      swarm.admin,
    );
    expect(active.status, JSON.stringify(active.body)).toBe(200);
    expect((await engineNode("node3"))?.Spec?.Availability).toBe("active");
    for (const action of ["node.drain", "node.activate"])
      expect(auditEvents(action), action).toEqual([
        { actorId: swarm.admin.id, targetName: "node3", outcome: "ok" },
      ]);
  });

  it("answers an unknown node 404 NOT_FOUND", async () => {
    for (const id of ["nosuchnode0000000000000000", "NOT-A-NODE"]) {
      const answer = await swarm.api("POST", `/api/v1/admin/nodes/${id}/drain`, undefined, swarm.admin);
      expect(answer.status, id).toBe(404);
      expect(answer.body.error?.code).toBe("NOT_FOUND");
    }
  });

  it("gives the join command with the manager's worker token and address, audited as a view", async () => {
    const answer = await swarm.api("GET", "/api/v1/admin/nodes/join-command", undefined, swarm.admin);
    expect(answer.status).toBe(200);
    expectConforms("adminReadJoinCommand", 200, answer.body);
    const token = (await manager.swarmInspect()).JoinTokens.Worker;
    const manager1 = swarm.lab.nodes[0]?.address;
    expect(answer.body.command).toBe(`docker swarm join --token ${token} ${manager1}:2377`);
    expect(auditEvents("node.join-command")).toEqual([
      { actorId: swarm.admin.id, targetName: "", outcome: "ok" },
    ]);
  });

  it("is not there for a plain user (404, API and page) and is 403 for an admin's token without the admin scope", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/admin/nodes"],
      ["GET", "/api/v1/admin/nodes/join-command"],
      ["POST", `/api/v1/admin/nodes/${(await nodeNamed("node2")).id}/drain`],
    ] as const) {
      const refused = await swarm.api(method, path, undefined, swarm.user);
      expect(refused.status, path).toBe(404);
      expect(refused.body.error).toEqual({ code: "NOT_FOUND", message: "There is no such API endpoint." });
      const scoped = await swarm.api(method, path, undefined, {
        ...swarm.admin,
        bearer: swarm.tokenFor(swarm.admin, ["workspaces:write"]),
      });
      expect(scoped.status, path).toBe(403);
      expect(scoped.body.error?.code).toBe("INSUFFICIENT_SCOPE");
    }
    expect((await page(swarm.user.cookie)).status).toBe(404);
    expect((await engineNode("node2"))?.Spec?.Availability).toBe("active");
  });

  it("refuses a start on a full node naming it, though the cluster has room; the app's own node drains only when typed", async () => {
    const ids = Object.fromEntries((await listed()).nodes.map((node) => [node.hostname, node.id]));
    const drain = (host: string, confirm?: string) =>
      swarm.api(
        "POST",
        `/api/v1/admin/nodes/${ids[host]}/drain${confirm ? `?confirm=${confirm}` : ""}`,
        undefined,
        swarm.admin,
      );
    const unconfirmed = await drain("node1");
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.error?.code).toBe("CONFIRMATION_REQUIRED");
    expect(unconfirmed.body.error?.message).toContain("node1");
    // Only node1 takes work now: every new workspace's volume lands there.
    expect((await drain("node2")).status).toBe(200);
    expect((await drain("node3")).status).toBe(200);
    const last = await drain("node1", "node1");
    expect(last.status).toBe(409);
    expect(last.body.error?.code).toBe("LAST_ACTIVE_NODE");
    expect((await engineNode("node1"))?.Spec?.Availability).toBe("active");
    // The refusals are recorded too, with what they were refused with.
    expect(
      auditEvents("node.drain")
        .filter((event) => event.targetName === "node1")
        .map((event) => event.outcome),
    ).toEqual(["CONFIRMATION_REQUIRED", "LAST_ACTIVE_NODE"]);

    const create = async (name: string) => {
      const answer = await swarm.api("POST", "/api/v1/workspaces", { name, template: "dev" });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.id as string;
    };
    const w1 = await create("full-1");
    const w2 = await create("full-2");
    const stopped = await swarm.api("POST", `/api/v1/workspaces/${w2}/stop`);
    expect(stopped.status, JSON.stringify(stopped.body)).toBe(200);
    await create("full-3");
    for (const host of ["node2", "node3"])
      expect(
        (await swarm.api("POST", `/api/v1/admin/nodes/${ids[host]}/activate`, undefined, swarm.admin)).status,
      ).toBe(200);
    const node1 = await nodeNamed("node1");
    expect(node1).toMatchObject({ pinned: 3, tasks: 2 });

    const refused = await swarm.api("POST", `/api/v1/workspaces/${w2}/start`);
    expect(refused.status, JSON.stringify(refused.body)).toBe(503);
    expect(refused.body.error?.code).toBe("RESOURCE_LIMIT_EXCEEDED");
    expect(refused.body.error?.message).toContain("Node node1");
    expect(refused.body.error).toMatchObject({ details: { reason: "node_memory", node: "node1" } });
    const service = (
      await manager.listServices({ filters: { label: [`spawner-sw.workspace-id=${w2}`] } })
    )[0];
    expect(service?.Spec?.Mode?.Replicated?.Replicas).toBe(0);

    // Room on node1 again: the same start goes through.
    expect((await swarm.api("POST", `/api/v1/workspaces/${w1}/stop`)).status).toBe(200);
    const started = await swarm.api("POST", `/api/v1/workspaces/${w2}/start`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
  });

  it("shows a killed node down within 15 s, on the API and the page, and ready once it is back", async () => {
    swarm.lab.killNode(1);
    try {
      await eventually("node2 down", 15_000, async () =>
        (await nodeNamed("node2")).status === "down" ? true : undefined,
      );
      const response = await page(swarm.admin.cookie);
      expect(response.status).toBe(200);
      const html = await response.text();
      for (const host of ["node1", "node2", "node3"]) expect(html).toContain(`data-node="${host}"`);
      expect(rowOf(html, "node2")).toMatch(/data-testid="node-status"[^>]*>down</);
      expect(rowOf(html, "node1")).toMatch(/data-testid="node-status"[^>]*>ready</);
      expect(html).toContain("Join a worker");
    } finally {
      await swarm.lab.restartNode(1);
    }
    await eventually("node2 ready", 30_000, async () =>
      (await nodeNamed("node2")).status === "ready" ? true : undefined,
    );
  });
});
