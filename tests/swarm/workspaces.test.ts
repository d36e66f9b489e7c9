// The app on a 3-node Swarm (RUNTIME=swarm): workspaces spread over the nodes and answer, keep their data over a
// stop and start (pinned to their volume's node), get their secret files from Swarm secrets, run hardened.
import Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SWARM } from "../support/prefixes";
import { type SwarmApp, startSwarmApp } from "../support/swarm-app";

let swarm: SwarmApp;
let manager: Dockerode;

beforeAll(async () => {
  swarm = await startSwarmApp({ prefix: SWARM });
  manager = new Dockerode({ socketPath: swarm.lab.managerSocket });
});
afterAll(async () => {
  if (swarm) {
    const output = swarm.app.output();
    if (/\[runtime\].*failed/.test(output)) console.log(output.slice(-4000));
    await swarm.stop();
  }
});

type Detail = { id: string; status: string; apps: { name: string; url: string | null }[] };

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
}

async function eventually<T>(
  what: string,
  withinMs: number,
  check: () => Promise<T | undefined>,
): Promise<T> {
  let last: unknown;
  for (
    const deadline = Date.now() + withinMs;
    Date.now() < deadline;
    await new Promise((r) => setTimeout(r, 200))
  ) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
  }
  throw new Error(`${what} within ${withinMs} ms (last: ${last})`);
}

const serviceOf = async (workspaceId: string) =>
  (await manager.listServices({ filters: { label: [`spawner-sw.workspace-id=${workspaceId}`] } }))[0];

async function runningTask(serviceId: string) {
  const tasks = await manager.listTasks({ filters: { service: [serviceId], "desired-state": ["running"] } });
  return tasks.find((task) => task.Status?.State === "running");
}

describe("workspaces on a 3-node Swarm", () => {
  const created: Detail[] = [];

  it("spreads six workspaces over the three nodes, each answering at its node", async () => {
    for (let i = 1; i <= 6; i++) {
      const answer = await swarm.api("POST", "/api/v1/workspaces", { name: `w${i}`, template: "dev" });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      created.push(answer.body as unknown as Detail);
    }
    const nodes = new Map<string, number>();
    for (const workspace of created) {
      const url = workspace.apps[0]?.url ?? "";
      // Local mode on a Swarm: the app's host-mode port on the node its task runs on.
      const host = new URL(url).hostname;
      expect(swarm.lab.nodes.map((node) => node.address)).toContain(host);
      const first = await fetchText(`${url}workspace/first`);
      expect(first.trim()).not.toBe("");
      nodes.set(host, (nodes.get(host) ?? 0) + 1);
      const service = await serviceOf(workspace.id);
      expect(service?.Spec?.Mode?.Replicated?.Replicas).toBe(1);
    }
    expect([...nodes.values()].sort()).toEqual([2, 2, 2]);
  });
});
