// The app SIGKILLed in the middle of a launch on a Swarm (a test hook stops it at a step), then started again on the
// same database: the next start adopts what the first one made — exactly one service for the workspace, running
// and answering — as on Docker.
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SWARM } from "../support/prefixes";
import { type SwarmApp, startSwarmApp } from "../support/swarm-app";

let swarm: SwarmApp;
let manager: Dockerode;

beforeAll(async () => {
  swarm = await startSwarmApp({ prefix: SWARM });
  manager = swarm.lab.manager;
});
afterAll(async () => {
  await swarm?.stop();
});

const servicesOf = async (workspaceId: string) =>
  manager.listServices({ filters: { label: [`spawner-sw.workspace-id=${workspaceId}`] } });

describe("a launch on a Swarm killed midway", () => {
  for (const point of ["after-create", "after-start"] as const) {
    it(`is finished by the next start after a crash ${point.replace("-", " ")}`, async () => {
      const doomed = await swarm.restartApp({ TEST_FAULT_POINT: point });
      const name = `crash-${point}`;
      void swarm.api("POST", "/api/v1/workspaces", { name, template: "dev" }).catch(() => {});
      await doomed.waitForOutput(`[fault] reached ${point}`, 60_000);
      doomed.process.kill("SIGKILL");
      await doomed.exited;
      await swarm.restartApp();
      const listed = await swarm.api("GET", "/api/v1/workspaces");
      const row = (listed.body.workspaces as { id: string; name: string }[]).find((w) => w.name === name);
      expect(row).toBeDefined();
      const before = await servicesOf(row?.id ?? "");
      expect(before).toHaveLength(1);
      const started = await swarm.api("POST", `/api/v1/workspaces/${row?.id}/start`);
      expect(started.status, JSON.stringify(started.body)).toBe(200);
      const url = (started.body.apps as { url: string }[])[0]?.url ?? "";
      const answer = await fetch(`${url}workspace/first`, { signal: AbortSignal.timeout(3000) });
      expect(answer.status).toBe(200);
      const after = await servicesOf(row?.id ?? "");
      expect(after.map((service) => service.ID)).toEqual(before.map((service) => service.ID));
      expect(after[0]?.Spec?.Mode?.Replicated?.Replicas).toBe(1);
    });
  }
});
