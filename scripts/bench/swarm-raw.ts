// Raw Swarm for the bench (A): what a user of the Engine API alone does to get a workspace with data. The service
// spec comes from the app's own pure builders (image, env, hardening, limits, the named volume at the data path, the
// overlay, dnsrr, a host-mode port), made with one replica and no pin (raw Swarm places it); then the task is polled
// until it runs, its port and node's address read, and the port polled until HTTP answers.
import { randomBytes } from "node:crypto";
import type Dockerode from "dockerode";
import type { Env } from "@/lib/env";
import { serviceSpecFor } from "@/lib/runtime/swarm/service-spec";
import type { SwarmTask } from "@/lib/runtime/swarm/shapes";
import { seededTemplateRows } from "@/lib/templates/seeded-templates";
import { templateFromRow } from "@/lib/templates/template";
import { volumeName, workloadName } from "@/lib/workspaces/names";
import { EMPTY_SETTINGS } from "@/lib/workspaces/settings";
import { workloadSpecFor } from "@/lib/workspaces/workload-spec";
import type { LabNode } from "../../tests/support/swarm-lab";
import { sleep } from "./util";

/** How often A reads its task: as often as the app does (lib/runtime/swarm/wait-tasks.ts). */
export const RAW_TASK_POLL_MS = Number(process.env.BENCH_SWARM_TASK_POLL_MS) || 20;
const wall = () => performance.timeOrigin + performance.now();

export type RawLaunch = {
  ms: number;
  serviceId: string;
  volume: string;
  node: LabNode;
  /** Wall-clock marks (ms since the epoch) for the breakdown. */
  marks: { started: number; created: number; taskSeen: number; answered: number };
};

/** The service the app would make for this template (same spec builder), with one replica and no pin. */
export function rawServiceSpec(env: Env, template: string) {
  const tag = randomBytes(4).toString("hex");
  const row = seededTemplateRows(env).find((candidate) => candidate.name === template);
  if (!row) throw new Error(`no ${template} template`);
  const owner = { id: `raw${tag}`, slug: `raw-${tag}` };
  const names = { slug: owner.slug, name: template, id: `wraw${tag}` };
  const spec = workloadSpecFor(
    env,
    {
      id: names.id,
      name: template,
      routeKey: `${owner.slug}-${template}`,
      hostKey: null,
      workloadName: workloadName(names),
      volumeName: volumeName(names),
      settings: EMPTY_SETTINGS,
    },
    owner,
    templateFromRow({ ...row, id: `tpl-${template}` }),
  );
  return { body: serviceSpecFor(spec, { replicas: 1 }), volume: spec.volume?.name ?? "" };
}

/** Polls until a plain GET gets any HTTP answer (as the app's readiness probe counts one); 5 ms apart. */
export async function pollUntilAnswers(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(1000) });
      await response.body?.cancel();
      return;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(5);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

async function runningTask(manager: Dockerode, serviceId: string, port: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tasks = (await manager.listTasks({
      filters: { service: [serviceId], "desired-state": ["running"] },
    })) as unknown as SwarmTask[];
    for (const task of tasks) {
      if (task.Status.State === "failed" || task.Status.State === "rejected")
        throw new Error(`raw task ${task.ID} ${task.Status.State}: ${task.Status.Err ?? ""}`);
      const published = task.Status.PortStatus?.Ports?.find((p) => p.TargetPort === port)?.PublishedPort;
      if (task.Status.State === "running" && task.NodeID && published) return { task, published };
    }
    await sleep(RAW_TASK_POLL_MS);
  }
  throw new Error(`raw service ${serviceId}: no running task within ${timeoutMs} ms`);
}

/** A: create the service, poll its task until it runs, read port and node address, poll until HTTP answers. */
export async function rawSwarmLaunch(
  manager: Dockerode,
  nodes: LabNode[],
  env: Env,
  template: string,
  port: number,
): Promise<RawLaunch> {
  const { body, volume } = rawServiceSpec(env, template);
  const started = performance.now();
  const startedWall = wall();
  const created = (await manager.createService(body as never)) as unknown as { id: string };
  const createdWall = wall();
  const { task, published } = await runningTask(manager, created.id, port, 60_000);
  const address = ((await manager.getNode(task.NodeID ?? "").inspect()) as { Status: { Addr: string } })
    .Status.Addr;
  const taskSeen = wall();
  await pollUntilAnswers(`http://${address}:${published}/`);
  const ms = performance.now() - started;
  const node = nodes.find((candidate) => candidate.address === address);
  if (!node) throw new Error(`raw task on an unknown node address ${address}`);
  return {
    ms,
    serviceId: created.id,
    volume,
    node,
    marks: { started: startedWall, created: createdWall, taskSeen, answered: wall() },
  };
}

/** Removes the service, then its volume on the task's node once the container is gone (409 until then). */
export async function removeRawLaunch(manager: Dockerode, launch: RawLaunch): Promise<void> {
  await manager.getService(launch.serviceId).remove();
  for (const deadline = Date.now() + 30_000; ; await sleep(100)) {
    try {
      await launch.node.docker.getVolume(launch.volume).remove();
      return;
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) return;
      if (status !== 409 || Date.now() > deadline) throw error;
    }
  }
}
