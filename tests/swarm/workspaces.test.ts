// The app on a 3-node Swarm (RUNTIME=swarm): workspaces spread over the nodes and answer, keep their data over a
// stop and start (pinned to their volume's node), get their secret files from Swarm secrets, run hardened.
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDatabase } from "../support/database";
import { SWARM } from "../support/prefixes";
import { openSse } from "../support/sse";
import { type SwarmApp, startSwarmApp } from "../support/swarm-app";
import { eventually } from "../support/wait";

let swarm: SwarmApp;
let manager: Dockerode;

beforeAll(async () => {
  swarm = await startSwarmApp({ prefix: SWARM });
  manager = swarm.lab.manager;
});
afterAll(async () => {
  if (swarm) {
    const output = swarm.app.output();
    console.log(
      output
        .split("\n")
        .filter((line) => /runtime|error/i.test(line))
        .join("\n")
        .slice(-4000),
    );
    await swarm.stop();
  }
});

type Detail = { id: string; status: string; apps: { name: string; url: string | null }[] };

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.text();
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

  it("stops by scaling to zero and starts on the same node with its data", async () => {
    const workspace = created[0] as Detail;
    const url = workspace.apps[0]?.url ?? "";
    const first = await fetchText(`${url}workspace/first`);
    const stopped = await swarm.api("POST", `/api/v1/workspaces/${workspace.id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body.status).toBe("stopped");
    const service = await serviceOf(workspace.id);
    expect(service?.Spec?.Mode?.Replicated?.Replicas).toBe(0);
    expect(await runningTask(service?.ID ?? "")).toBeUndefined();
    const started = await swarm.api("POST", `/api/v1/workspaces/${workspace.id}/start`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const again = (started.body as unknown as Detail).apps[0]?.url ?? "";
    // The launch's steps, as its progress stream shows them (a finished launch stays visible a minute): Swarm's own.
    const progress = await openSse(
      `${swarm.app.url}/api/workspaces/${workspace.id}/progress`,
      swarm.user.cookie,
    );
    await progress.ended;
    const node = swarm.lab.nodes.find((candidate) => candidate.address === new URL(again).hostname)?.name;
    const last = progress.events.at(-1)?.data as
      | { steps: { id: string; label: string; state: string }[] }
      | undefined;
    const steps = last?.steps ?? [];
    expect(steps.map((step) => [step.id, step.state])).toEqual([
      ["image", "done"],
      ["create", "done"],
      ["start", "done"],
      ["schedule", "done"],
      ["pull", "done"],
      ["ready", "done"],
    ]);
    expect(steps.find((step) => step.id === "schedule")?.label).toBe(`Scheduled on node ${node}`);
    expect(steps.find((step) => step.id === "pull")?.label).toBe(`Getting the image on node ${node}`);
    // Pinned to its volume's node: the same node answers, with the first start's file and a second start line.
    expect(new URL(again).hostname).toBe(new URL(url).hostname);
    expect(await fetchText(`${again}workspace/first`)).toBe(first);
    expect((await fetchText(`${again}workspace/starts`)).trim().split("\n")).toHaveLength(2);
    const detail = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`);
    const placement = detail.body.placement as { node: string; pinned_to: string; node_status: string };
    expect(placement.pinned_to).toBe(placement.node);
    expect(placement.node_status).toBe("ready");
    // The workspace's page says where it runs and why it stays there.
    const page = await fetch(`${swarm.app.url}/workspaces/${workspace.id}`, {
      headers: { cookie: swarm.user.cookie },
    });
    const html = (await page.text()).replace(/<!-- -->/g, "");
    expect(page.status).toBe(200);
    expect(html).toContain(`Pinned to ${placement.node}: its data volume lives there.`);
  });

  it("re-creates a workspace for a changed environment on its volume's node, with its data, one service at a time", async () => {
    const workspace = created[0] as Detail;
    const before = await serviceOf(workspace.id);
    const url = (await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`)).body.apps as { url: string }[];
    const first = await fetchText(`${url[0]?.url}workspace/first`);
    const changed = await swarm.api("PATCH", `/api/v1/workspaces/${workspace.id}`, {
      env: [{ key: "GREETING", value: "hello" }],
      apply_now: true,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    const after = await serviceOf(workspace.id);
    expect(after?.ID).not.toBe(before?.ID);
    expect(after?.Spec?.TaskTemplate && JSON.stringify(after.Spec.TaskTemplate)).toContain("GREETING=hello");
    // Its volume existed: pinned to the same node from the record, and the mount names no driver of its own.
    expect(after?.Spec?.Labels?.["spawner.runtime.node"]).toBe(
      before?.Spec?.Labels?.["spawner.runtime.node"],
    );
    const detail = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`);
    const again = (detail.body.apps as { url: string }[])[0]?.url ?? "";
    expect(await fetchText(`${again}workspace/first`)).toBe(first);
    expect((await fetchText(`${again}workspace/starts`)).trim().split("\n")).toHaveLength(3);
    // The old service's task was gone before the new one started: never two on one volume.
    expect(
      (await manager.listServices({ filters: { label: [`spawner-sw.workspace-id=${workspace.id}`] } }))
        .length,
    ).toBe(1);
  });

  it("runs hardened: no new privileges, no capabilities, its limits, seccomp on", async () => {
    const workspace = created[1] as Detail;
    const url = workspace.apps[0]?.url ?? "";
    // Read by the workload's own web server: the status of the process serving the request.
    const status = await fetchText(`${url}cgi-bin/proc?status`);
    expect(status).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(status).toMatch(/^CapEff:\s+0{16}$/m);
    expect(status).toMatch(/^CapBnd:\s+[0-9a-f]{16}$/m);
    expect(status).toMatch(/^Seccomp:\s+2$/m);
    const service = await serviceOf(workspace.id);
    const task = await runningTask(service?.ID ?? "");
    const node = swarm.lab.nodes.find((candidate) => candidate.address === new URL(url).hostname);
    const container = await node?.docker
      .getContainer(task?.Status?.ContainerStatus?.ContainerID ?? "")
      .inspect();
    expect(container?.HostConfig.Memory).toBe(64 * 1024 * 1024);
    expect(container?.HostConfig.PidsLimit).toBe(64);
    expect(container?.HostConfig.NanoCpus).toBe(0.25e9);
    expect(container?.HostConfig.CapDrop).toEqual(["ALL"]);
    console.log(
      `task container: Memory ${container?.HostConfig.Memory}, MemorySwap ${container?.HostConfig.MemorySwap}`,
    );
    expect(container?.HostConfig.Init).toBe(true);
    expect(container?.Config.User).toBe("1000:1000");
  });

  it("mounts secret files from Swarm secrets, the user's, never written to the volume", async () => {
    const answer = await swarm.api("POST", "/api/v1/workspaces", {
      name: "secrets",
      template: "dev",
      secret_files: [{ path: "/workspace/conf/token.txt", content: "s3cret-value" }],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const workspace = answer.body as unknown as Detail;
    const url = workspace.apps[0]?.url ?? "";
    expect(await fetchText(`${url}workspace/conf/token.txt`)).toBe("s3cret-value");
    // A bind from the engine's in-memory secret store, not a file in the data volume.
    expect(await fetchText(`${url}cgi-bin/proc?mountinfo`)).toMatch(/ \/workspace\/conf\/token\.txt /);
    const service = await serviceOf(workspace.id);
    const template = service?.Spec?.TaskTemplate as
      | { ContainerSpec?: { Secrets?: { File?: unknown }[] } }
      | undefined;
    const refs = template?.ContainerSpec?.Secrets ?? [];
    expect(refs).toHaveLength(1);
    expect(refs[0]?.File).toMatchObject({
      Name: "/workspace/conf/token.txt",
      UID: "1000",
      GID: "1000",
      Mode: 0o600,
    });
    // The API never echoes it.
    const detail = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`);
    expect(JSON.stringify(detail.body)).not.toContain("s3cret-value");
    const removed = await swarm.api("DELETE", `/api/v1/workspaces/${workspace.id}?keep_data=false`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await serviceOf(workspace.id)).toBeUndefined();
    const left = await manager.listSecrets();
    expect(
      left.filter((secret) => secret.Spec?.Name?.startsWith(service?.Spec?.Name?.slice(0, 30) ?? "?")),
    ).toEqual([]);
  });

  it("reads logs from the service and stats from the task's node", async () => {
    const workspace = created[2] as Detail;
    const logs = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}/logs?tail=20`);
    expect(logs.status).toBe(200);
    const lines = logs.body.lines as { stream: string; text: string }[];
    expect(lines.some((line) => line.stream === "stdout" && line.text.startsWith("serving on "))).toBe(true);
    const stats = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}/stats`);
    expect(stats.status, JSON.stringify(stats.body)).toBe(200);
    expect(stats.body.memory_limit_bytes).toBe(64 * 1024 * 1024);
    expect(stats.body.pids as number).toBeGreaterThan(0);
  });

  it("shows a pinned workspace waiting for its node when that node's engine dies, and back when it returns", {
    timeout: 180_000,
  }, async () => {
    // A workspace on a worker (node2 or node3): its node is killed.
    const details = await Promise.all(
      created
        .slice(1)
        .map(async (workspace) => (await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`)).body),
    );
    const target = details.find((detail) => {
      const node = (detail.placement as { node: string } | null)?.node;
      return node === "node2" || node === "node3";
    });
    expect(target).toBeDefined();
    const nodeName = (target?.placement as { node: string } | undefined)?.node ?? "";
    const index = swarm.lab.nodes.findIndex((node) => node.name === nodeName);
    swarm.lab.killNode(index);
    try {
      const seen = await eventually("the workspace shows its node down", 20_000, async () => {
        const detail = (await swarm.api("GET", `/api/v1/workspaces/${target?.id}`)).body;
        const placement = detail.placement as { pinned_node_status: string; waiting: string | null } | null;
        return placement?.pinned_node_status === "down" && placement.waiting ? detail : undefined;
      });
      expect(seen.status).toBe("error");
      expect(String(seen.last_error)).toContain(`node ${nodeName}, which is down`);
    } finally {
      // The later tests need all three nodes, whatever happened here.
      await swarm.lab.restartNode(index);
    }
    let seenLast = "";
    // Not bounded by the issue (only unpinned ones are): a restarted node's first task may sit in "preparing" for
    // tens of seconds on these machines (seen 5–40 s), so this waits up to 90 s and says how long it took.
    const back = Date.now();
    await eventually("the workspace runs again on its node", 90_000, async () => {
      const detail = (await swarm.api("GET", `/api/v1/workspaces/${target?.id}`)).body;
      seenLast = JSON.stringify({ status: detail.status, placement: detail.placement, apps: detail.apps });
      const url = (detail.apps as { url: string | null }[])[0]?.url;
      if (detail.status !== "running" || !url) return undefined;
      return (await fetchText(`${url}workspace/first`)) ? true : undefined;
    }).catch(async (error: Error) => {
      const service = await serviceOf(target?.id as string);
      const tasks = await manager.listTasks({ filters: { service: [service?.ID ?? ""] } });
      const states = tasks.map((task) => [
        task.NodeID,
        task.DesiredState,
        task.Status?.State,
        task.Status?.Err,
      ]);
      throw new Error(`${error.message}; last seen ${seenLast}; tasks ${JSON.stringify(states)}`);
    });
    console.log(
      `pinned workspace back on ${nodeName} ${Date.now() - back} ms after its engine was started again`,
    );
  });

  it("follows the Swarm's events: a service removed behind the app's back is seen at once, not at the next full pass", async () => {
    const workspace = created[4] as Detail;
    const service = await serviceOf(workspace.id);
    const removedAt = Date.now();
    await manager.getService(service?.ID ?? "").remove();
    // The periodic pass runs every minute; the service's remove event makes the diff run within seconds.
    await eventually("the row lets go of the removed service", 10_000, async () => {
      const row = withDatabase(swarm.databaseUrl, (db) =>
        db.prepare(`SELECT runtimeId FROM "Workspace" WHERE id = ?`).get(workspace.id),
      ) as { runtimeId: string | null };
      return row.runtimeId === null ? true : undefined;
    });
    console.log(`reconciler: removed service seen in ${Date.now() - removedAt} ms`);
    const detail = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`);
    expect(detail.body.status).toBe("not_created");
  });

  it("says clearly what it can't do without a node's engine, and removes nothing then", async () => {
    const workspace = created[3] as Detail;
    // The same app without SWARM_NODE_ENDPOINTS: the manager alone.
    await swarm.restartApp({ SWARM_NODE_ENDPOINTS: "" });
    const detail = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`);
    const node = (detail.body.placement as { node: string }).node;
    const stats = await swarm.api("GET", `/api/v1/workspaces/${workspace.id}/stats`);
    expect(stats.status).toBe(501);
    expect(stats.body.error?.code).toBe("NOT_AVAILABLE");
    expect(stats.body.error?.message).toBe(
      `Stats are not available on this runtime for node ${node}: SWARM_NODE_ENDPOINTS names no engine for it.`,
    );
    const refused = await swarm.api("DELETE", `/api/v1/workspaces/${workspace.id}?keep_data=false`);
    expect(refused.status).toBe(501);
    expect(refused.body.error?.message).toContain(`on node ${node}, whose engine the app can't reach`);
    // Nothing went: the workspace still runs.
    expect((await swarm.api("GET", `/api/v1/workspaces/${workspace.id}`)).body.status).toBe("running");
    expect(await serviceOf(workspace.id)).toBeDefined();
    // Keeping the data needs no node's engine.
    const kept = await swarm.api("DELETE", `/api/v1/workspaces/${workspace.id}?keep_data=true`);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    await swarm.restartApp();
  });
});
