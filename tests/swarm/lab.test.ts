// The Swarm lab itself: three nodes, a service per node answering from the host, node loss seen, nothing left after.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type Dockerode from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SWARM } from "../support/prefixes";
import { LAB_IMAGE, type SwarmLab, startSwarmLab, swarmLabLeftovers } from "../support/swarm-lab";
import { eventually } from "../support/wait";

const NETWORK = "ov";
let lab: SwarmLab;
let manager: Dockerode;
let setUpMs = 0;

beforeAll(async () => {
  const started = Date.now();
  lab = await startSwarmLab({ prefix: SWARM });
  setUpMs = Date.now() - started;
  manager = lab.manager;
  console.log(`swarm lab: set up in ${setUpMs} ms`, lab.timings);
});
afterAll(() => lab?.stop());

/** The running task's node address and host-mode port: only the running task reports the port Swarm picked. */
async function endpointOf(service: string): Promise<{ url: string; nodeId: string } | undefined> {
  const tasks = await manager.listTasks({ filters: { service: [service], "desired-state": ["running"] } });
  const task = tasks.find((t) => t.Status?.State === "running");
  const port = task?.Status?.PortStatus?.Ports?.find((p: { TargetPort?: number }) => p.TargetPort === 8080);
  if (!task?.NodeID || !port?.PublishedPort) return undefined;
  const node = await manager.getNode(task.NodeID).inspect();
  return { url: `http://${node.Status.Addr}:${port.PublishedPort}/`, nodeId: task.NodeID };
}

describe("the 3-node Swarm lab", () => {
  it("runs a service pinned to each node, each answering over HTTP from the host at its node's address", async () => {
    const started = Date.now();
    await manager.createNetwork({ Name: NETWORK, Driver: "overlay", Attachable: true, CheckDuplicate: true });
    for (const node of lab.nodes) {
      await manager.createService({
        Name: `web-${node.name}`,
        TaskTemplate: {
          ContainerSpec: {
            Image: LAB_IMAGE,
            Command: ["sh", "-c", 'echo "from $NODE" >/www/index.html; exec httpd -f -p 8080 -h /www'],
            Env: ["NODE={{.Node.Hostname}}"],
            Init: true,
          },
          Placement: { Constraints: [`node.hostname==${node.name}`] },
          Networks: [{ Target: NETWORK }],
        },
        Mode: { Replicated: { Replicas: 1 } },
        EndpointSpec: { Mode: "dnsrr", Ports: [{ Protocol: "tcp", TargetPort: 8080, PublishMode: "host" }] },
      });
    }
    let firstRunningMs = 0;
    const answers = await Promise.all(
      lab.nodes.map(async (node) => {
        const endpoint = await eventually(`web-${node.name} running`, 60_000, () =>
          endpointOf(`web-${node.name}`),
        );
        firstRunningMs ||= Date.now() - started;
        // Until httpd listens, connects are refused at once: readiness is an HTTP answer.
        const body = await eventually(`web-${node.name} answering at ${endpoint.url}`, 30_000, async () => {
          const response = await fetch(endpoint.url, { signal: AbortSignal.timeout(2_000) });
          return response.ok ? await response.text() : undefined;
        });
        return { node, endpoint, body };
      }),
    );
    console.log(`swarm lab: first service running ${firstRunningMs} ms after the network was asked for`);
    for (const { node, endpoint, body } of answers) {
      expect(body.trim()).toBe(`from ${node.name}`);
      expect(endpoint.url).toContain(`http://${node.address}:`);
    }
  });

  it("shows a worker Down within 15 s of its dockerd being SIGKILLed, and Ready again once restarted", async () => {
    const worker = lab.nodes[2];
    if (!worker) throw new Error("the lab has no third node");
    lab.killNode(2);
    const killed = Date.now();
    await eventually(`${worker.name} down`, 15_000, async () => {
      const nodes = await manager.listNodes();
      const node = nodes.find((n) => n.Description?.Hostname === worker.name);
      return node?.Status?.State === "down" ? true : undefined;
    });
    console.log(`swarm lab: ${worker.name} seen down ${Date.now() - killed} ms after SIGKILL`);
    const restarted = Date.now();
    await lab.restartNode(2);
    console.log(`swarm lab: ${worker.name} Ready again ${Date.now() - restarted} ms after its restart`);
  });

  it("leaves no namespace, process, mount, cgroup, veth or temp dir behind once stopped", () => {
    const { dir, prefix } = lab;
    // Stopped with a node down: its shims and task outlive its dockerd.
    lab.killNode(1);
    lab.stop();
    lab.stop();
    const netns = execFileSync("ip", ["netns", "list"], { encoding: "utf8" });
    // Exactly this lab's names: a lab whose prefix extends this one may be running beside it.
    const ours = new RegExp(`^${prefix}-(hub|n\\d+)( |$)`);
    expect(netns.split("\n").filter((line) => ours.test(line))).toEqual([]);
    const processes = readdirSync("/proc")
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, "utf8").replaceAll("\0", " ").includes(dir);
        } catch {
          return false;
        }
      });
    expect(processes).toEqual([]);
    expect(readFileSync("/proc/self/mountinfo", "utf8")).not.toContain(dir);
    expect(existsSync(dir)).toBe(false);
    expect(swarmLabLeftovers(prefix)).toEqual([]);
  });
});
