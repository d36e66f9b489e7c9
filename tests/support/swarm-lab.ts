// A 3-node Docker Swarm on this machine: one dockerd per network namespace, as /work/shared/docs/SWARM-LAB.md checks it.
import { execFileSync, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import Dockerode from "dockerode";
import { cleanUpSwarmLabs, SHIM_SNAPSHOT } from "./swarm-lab-cleanup";
import { loadLabImage } from "./swarm-lab-image";
import { DEFAULT_ADDR_POOL, type LabNames, labAddresses, labNames, pickLabSubnet } from "./swarm-lab-names";
import { ensureSwarmLabTools, hostCgroupMounts } from "./swarm-lab-tools";

export { cleanUpSwarmLabs, swarmLabLeftovers } from "./swarm-lab-cleanup";
export { LAB_IMAGE, LAB_WORKSPACE_IMAGE } from "./swarm-lab-image";

export type LabNode = { name: string; address: string; socketPath: string; docker: Dockerode };
export type SwarmLab = {
  prefix: string;
  dir: string;
  nodes: LabNode[];
  managerSocket: string;
  /** The manager's engine (node 1's). */
  manager: Dockerode;
  hostAddress: string;
  timings: { nodesReadyMs: number; imageMs: number; totalMs: number };
  /** Removes everything the lab made; safe to call twice, after a failure or a killed node. */
  stop(): void;
  /** SIGKILLs node i's dockerd (0-based; its containerd goes with it, its shims and tasks stay). */
  killNode(i: number): void;
  /** Starts node i's dockerd again with the same command; resolves once the manager lists it Ready. */
  restartNode(i: number): Promise<void>;
};

// Run by `ip netns exec` (which remounts /sys and hides the v1 hierarchies) inside a private mount and UTS namespace.
const NODE_SCRIPT = `set -e
n=$1 host=$2 parent=$3; shift 3
hostname "$host"
mount -t tmpfs cgroup /sys/fs/cgroup
for m in "$@"; do
  dir=\${m%%:*}; opts=\${m#*:}
  mkdir -p "/sys/fs/cgroup/$dir"; mount -t cgroup -o "$opts" cgroup "/sys/fs/cgroup/$dir"
done
exec /usr/sbin/dockerd --config-file "$n/daemon.json" --data-root "$n/data" --exec-root "$n/exec" \\
  --pidfile "$n/docker.pid" -H "unix://$n/docker.sock" --bridge=none --cgroup-parent "$parent"`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function poll<T>(what: string, withinMs: number, check: () => Promise<T | undefined>): Promise<T> {
  let last: unknown;
  for (const deadline = Date.now() + withinMs; Date.now() < deadline; await sleep(50)) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
  }
  throw new Error(`swarm lab: ${what} within ${withinMs} ms${last ? ` (last error: ${last})` : ""}`);
}

function sh(...args: string[]): void {
  execFileSync(args[0] ?? "", args.slice(1), { stdio: ["ignore", "ignore", "pipe"] });
}

function makeNetwork(names: LabNames, subnet: string): void {
  const { host, nodes } = labAddresses(subnet);
  sh("ip", "netns", "add", names.hub);
  sh("ip", "-n", names.hub, "link", "add", "br0", "type", "bridge");
  sh("ip", "-n", names.hub, "link", "set", "br0", "up");
  names.netns.forEach((ns, i) => {
    sh("ip", "netns", "add", ns);
    sh(
      "ip",
      "link",
      "add",
      `h${i + 1}`,
      "netns",
      names.hub,
      "type",
      "veth",
      "peer",
      "name",
      "eth0",
      "netns",
      ns,
    );
    sh("ip", "-n", names.hub, "link", "set", `h${i + 1}`, "master", "br0", "up");
    sh("ip", "-n", ns, "addr", "add", `${nodes[i]}/24`, "dev", "eth0");
    sh("ip", "-n", ns, "link", "set", "eth0", "up");
    sh("ip", "-n", ns, "link", "set", "lo", "up");
  });
  // The host leg: host traffic to the lab is not forwarded, so the host's FORWARD DROP does not matter.
  sh("ip", "link", "add", names.hostVeth, "type", "veth", "peer", "name", "h0", "netns", names.hub);
  sh("ip", "-n", names.hub, "link", "set", "h0", "master", "br0", "up");
  sh("ip", "addr", "add", `${host}/24`, "dev", names.hostVeth);
  sh("ip", "link", "set", names.hostVeth, "up");
}

function startDockerd(names: LabNames, i: number): void {
  const dir = path.join(names.dir, `n${i + 1}`);
  const log = openSync(path.join(dir, "dockerd.log"), "a");
  const mounts = hostCgroupMounts().map(({ dir: d, options }) => `${d}:${options}`);
  const args = ["ip", "netns", "exec", names.netns[i] ?? "", "unshare", "--uts", "--mount", "--", "sh", "-c"];
  const parent = names.cgroupParents[i] ?? "";
  // setsid: a signal to the test's process group does not reach the nodes; stop() ends them.
  const child = spawn(
    "setsid",
    [...args, NODE_SCRIPT, "sh", dir, names.hostnames[i] ?? "", parent, ...mounts],
    {
      stdio: ["ignore", log, log],
    },
  );
  child.on("error", (error) => console.error(`swarm lab node ${i + 1}: ${error.message}`));
  child.unref();
  closeSync(log);
}

async function waitForEngine(names: LabNames, i: number, docker: Dockerode): Promise<void> {
  const log = path.join(names.dir, `n${i + 1}`, "dockerd.log");
  try {
    await poll(`node${i + 1}'s dockerd answering`, 30_000, async () => (await docker.version()) && true);
  } catch (error) {
    const tail = readFileSync(log, "utf8").split("\n").slice(-15).join("\n");
    throw new Error(`${(error as Error).message}\n${log} ends:\n${tail}`);
  }
}

const readyHostnames = async (manager: Dockerode) =>
  (await manager.listNodes())
    .filter((n) => n.Status?.State === "ready")
    .map((n) => n.Description?.Hostname ?? "");

export async function startSwarmLab({ prefix }: { prefix: string }): Promise<SwarmLab> {
  const started = Date.now();
  ensureSwarmLabTools();
  cleanUpSwarmLabs(prefix);
  const names = labNames(prefix);
  const stop = () => {
    process.off("exit", stop);
    cleanUpSwarmLabs(prefix);
  };
  process.once("exit", stop);
  try {
    const subnet = pickLabSubnet(prefix);
    const { host, nodes: addresses } = labAddresses(subnet);
    mkdirSync(names.dir, { recursive: true });
    const shims = existsSync("/run/containerd/s") ? readdirSync("/run/containerd/s") : [];
    writeFileSync(path.join(names.dir, SHIM_SNAPSHOT), JSON.stringify(shims));
    makeNetwork(names, subnet);
    const nodes: LabNode[] = names.hostnames.map((name, i) => {
      const dir = path.join(names.dir, `n${i + 1}`);
      mkdirSync(dir);
      // As SWARM-LAB.md advises (Swarm's API drops NoNewPrivileges): every container on the node gets it.
      writeFileSync(path.join(dir, "daemon.json"), `${JSON.stringify({ "no-new-privileges": true })}\n`);
      const socketPath = path.join(dir, "docker.sock");
      return {
        name,
        address: addresses[i] ?? "",
        socketPath,
        docker: new Dockerode({ socketPath, timeout: 10_000 }),
      };
    });
    for (const i of nodes.keys()) startDockerd(names, i);
    await Promise.all(nodes.map((node, i) => waitForEngine(names, i, node.docker)));
    const [manager, ...workers] = nodes as [LabNode, ...LabNode[]];
    await manager.docker.swarmInit({
      ListenAddr: "0.0.0.0:2377",
      AdvertiseAddr: manager.address,
      DefaultAddrPool: [DEFAULT_ADDR_POOL],
      // The CLI sends 24 by default; without it the allocator exits ("invalid pools size: 0").
      SubnetSize: 24,
      Spec: { Dispatcher: { HeartbeatPeriod: 1_000_000_000 } },
    });
    const token: string = (await manager.docker.swarmInspect()).JoinTokens.Worker;
    await Promise.all(
      workers.map((w) =>
        w.docker.swarmJoin({
          ListenAddr: "0.0.0.0:2377",
          AdvertiseAddr: w.address,
          RemoteAddrs: [`${manager.address}:2377`],
          JoinToken: token,
        }),
      ),
    );
    await poll("3 Ready nodes", 30_000, async () =>
      (await readyHostnames(manager.docker)).length === nodes.length ? true : undefined,
    );
    const nodesReadyMs = Date.now() - started;
    await loadLabImage(
      names.dir,
      nodes.map((n) => n.socketPath),
    );
    const imageMs = Date.now() - started - nodesReadyMs;
    const pidOf = (i: number) =>
      Number(readFileSync(path.join(names.dir, `n${i + 1}`, "docker.pid"), "utf8"));
    return {
      prefix,
      dir: names.dir,
      nodes,
      managerSocket: manager.socketPath,
      manager: manager.docker,
      hostAddress: host,
      timings: { nodesReadyMs, imageMs, totalMs: Date.now() - started },
      stop,
      killNode: (i) => process.kill(pidOf(i), "SIGKILL"),
      restartNode: async (i) => {
        const node = nodes[i];
        if (!node) throw new Error(`swarm lab has no node ${i}`);
        // Under load a restarted dockerd may give up waiting for its own containerd (it exits saying so): once more.
        for (let attempt = 1; ; attempt++) {
          startDockerd(names, i);
          try {
            await waitForEngine(names, i, node.docker);
            break;
          } catch (error) {
            if (attempt >= 2 || !/failed to start containerd/.test(String(error))) throw error;
          }
        }
        await poll(`${node.name} Ready again`, 30_000, async () =>
          (await readyHostnames(manager.docker)).includes(node.name) ? true : undefined,
        );
      },
    };
  } catch (error) {
    stop();
    throw error;
  }
}
