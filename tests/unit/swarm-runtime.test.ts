// The Swarm runtime's pure parts: the service a workload becomes, the Workload a service and its tasks read as, where
// a new volume goes, the folder script of the preparing job, and names within Swarm's limits.
import { describe, expect, it } from "vitest";
import type { WorkloadSpec } from "@/lib/runtime/runtime";
import { folderScript } from "@/lib/runtime/swarm/folder-script";
import { RUNTIME_LABELS, secretName, serviceName, volumeRecordName } from "@/lib/runtime/swarm/names";
import { pickNode } from "@/lib/runtime/swarm/placement";
import { serviceSpecFor } from "@/lib/runtime/swarm/service-spec";
import type { SwarmNode, SwarmService, SwarmTask } from "@/lib/runtime/swarm/shapes";
import { workloadFromService } from "@/lib/runtime/swarm/to-workload";

const spec: WorkloadSpec = {
  name: "ws-ada-dev-w123",
  image: "spawner-dev:latest",
  hostname: "ada-dev",
  env: { USER_ID: "u1", A: "b=c" },
  labels: { "spawner.workspace-id": "w123" },
  ports: [8080, 3000],
  publishOnLoopback: false,
  network: "spawner",
  limits: { memoryBytes: 512 * 1024 * 1024, cpus: 1.5, pidsLimit: 256 },
  capAdd: ["CHOWN"],
  reservations: { memoryBytes: 256 * 1024 * 1024, cpus: 0 },
  volume: { name: "ws-ada-dev-w123", target: "/workspace", labels: { "spawner.owner": "u1" } },
};

const node = (id: string, hostname: string, extra: Partial<SwarmNode> = {}): SwarmNode => ({
  ID: id,
  Version: { Index: 1 },
  Spec: { Role: "worker", Availability: "active" },
  Description: { Hostname: hostname, Resources: { NanoCPUs: 2e9, MemoryBytes: 4 * 1024 ** 3 } },
  Status: { State: "ready", Addr: `10.0.0.${id.length}` },
  ...extra,
});

const service = (replicas: number, labels: Record<string, string> = {}): SwarmService => ({
  ID: "svc1",
  Version: { Index: 3 },
  CreatedAt: "2026-12-01T10:00:00Z",
  Spec: {
    Name: "ws-ada-dev-w123",
    Labels: { [RUNTIME_LABELS.name]: "ws-ada-dev-w123", [RUNTIME_LABELS.ports]: "8080", ...labels },
    TaskTemplate: { ContainerSpec: { Image: "spawner-dev:latest" } },
    Mode: { Replicated: { Replicas: replicas } },
  },
});

const task = (state: string, desired = "running", extra: Partial<SwarmTask> = {}): SwarmTask => ({
  ID: `t-${state}`,
  ServiceID: "svc1",
  NodeID: "n2",
  CreatedAt: "2026-12-01T10:00:01Z",
  DesiredState: desired,
  Status: { State: state, Timestamp: "2026-12-01T10:00:02Z" },
  NetworksAttachments: [{ Network: { Spec: { Name: "spawner" } }, Addresses: ["10.1.0.7/24"] }],
  ...extra,
});

const nodes = new Map([
  ["n1", node("n1", "node1")],
  ["n2", node("n2", "node2")],
]);

describe("the service a workload becomes", () => {
  const made = serviceSpecFor(spec, { replicas: 0, pinTo: "n2" });

  it("is created stopped, pinned to its volume's node, with the workload's labels and ports on it", () => {
    expect(made.Mode).toEqual({ Replicated: { Replicas: 0 } });
    expect(made.TaskTemplate.Placement.Constraints).toEqual(["node.id==n2"]);
    expect(made.Labels).toMatchObject({
      "spawner.workspace-id": "w123",
      [RUNTIME_LABELS.node]: "n2",
      [RUNTIME_LABELS.ports]: "8080,3000",
    });
    expect(made.TaskTemplate.ContainerSpec.Env).toEqual(["USER_ID=u1", "A=b=c"]);
  });

  it("carries what Swarm keeps of the hardening, the limits and a reservation", () => {
    expect(made.TaskTemplate.ContainerSpec).toMatchObject({
      Init: true,
      CapabilityDrop: ["ALL"],
      CapabilityAdd: ["CHOWN"],
    });
    expect(made.TaskTemplate.Resources.Limits).toEqual({
      NanoCPUs: 1.5e9,
      MemoryBytes: 512 * 1024 ** 2,
      Pids: 256,
    });
    expect(made.TaskTemplate.Resources.Reservations).toEqual({ MemoryBytes: 256 * 1024 ** 2, NanoCPUs: 0 });
    expect(made.TaskTemplate.LogDriver.Options).toEqual({ "max-size": "10m", "max-file": "3" });
  });

  it("uses dnsrr, and publishes host-mode ports only in local mode", () => {
    expect(made.EndpointSpec).toEqual({ Mode: "dnsrr", Ports: [] });
    const local = serviceSpecFor({ ...spec, publishOnLoopback: true }, { replicas: 0 });
    expect(local.EndpointSpec.Ports).toEqual([
      { Protocol: "tcp", TargetPort: 8080, PublishMode: "host" },
      { Protocol: "tcp", TargetPort: 3000, PublishMode: "host" },
    ]);
    expect(local.TaskTemplate.Placement.Constraints).toEqual([]);
  });

  it("makes the volume with the template's driver and options", () => {
    const nfs = serviceSpecFor(
      {
        ...spec,
        volume: {
          ...(spec.volume as NonNullable<WorkloadSpec["volume"]>),
          driver: { name: "local", options: { type: "nfs" } },
        },
      },
      { replicas: 0 },
    );
    expect(nfs.TaskTemplate.ContainerSpec.Mounts[0]?.VolumeOptions.DriverConfig).toEqual({
      Name: "local",
      Options: { type: "nfs" },
    });
  });
});

describe("a service and its tasks as a Workload", () => {
  it("is stopped at zero replicas and running with its running task's address", () => {
    expect(workloadFromService(service(0), [], nodes, "spawner").state).toBe("stopped");
    const running = workloadFromService(service(1), [task("running")], nodes, "spawner");
    expect(running.state).toBe("running");
    expect(running.endpoints).toEqual([{ port: 8080, address: "10.1.0.7", published: undefined }]);
    expect(running.node).toEqual({ id: "n2", hostname: "node2", status: "ready", availability: "active" });
    expect(running.startedAt?.toISOString()).toBe("2026-12-01T10:00:02.000Z");
  });

  it("is pending while its task is on the way, and failed when it ended without a replacement", () => {
    expect(workloadFromService(service(1), [task("preparing")], nodes, "spawner").state).toBe("pending");
    expect(workloadFromService(service(1), [], nodes, "spawner").state).toBe("pending");
    expect(workloadFromService(service(1), [task("failed", "shutdown")], nodes, "spawner").state).toBe(
      "failed",
    );
  });

  it("publishes at its task's node address in local mode", () => {
    const published = task("running", "running", {
      Status: { State: "running", PortStatus: { Ports: [{ TargetPort: 8080, PublishedPort: 32768 }] } },
    });
    const workload = workloadFromService(service(1), [published], nodes, "spawner");
    expect(workload.endpoints[0]?.published).toEqual({ host: "10.0.0.2", port: 32768 });
  });

  it("says why a pinned one waits: its node down, or drained", () => {
    const pending = task("pending", "running", {
      NodeID: undefined,
      Status: { State: "pending", Err: "no suitable node" },
    });
    const down = new Map([["n2", node("n2", "node2", { Status: { State: "down" } })]]);
    const waitingDown = workloadFromService(
      service(1, { [RUNTIME_LABELS.node]: "n2" }),
      [pending],
      down,
      "spawner",
    );
    expect(waitingDown.state).toBe("pending");
    expect(waitingDown.pinnedTo?.status).toBe("down");
    expect(waitingDown.waiting).toContain("node node2, which is down");
    const drained = new Map([
      ["n2", node("n2", "node2", { Spec: { Role: "worker", Availability: "drain" } })],
    ]);
    expect(
      workloadFromService(service(1, { [RUNTIME_LABELS.node]: "n2" }), [pending], drained, "spawner").waiting,
    ).toContain("which an admin set to drain");
  });
});

describe("where a new volume goes", () => {
  it("picks the ready, active node with most unreserved memory, then fewer workloads, then by name", () => {
    const all = [node("n1", "node1"), node("n2", "node2"), node("n3", "node3")];
    const load = new Map([
      ["n1", { reservedMemoryBytes: 1024 ** 3, workloads: 1 }],
      ["n2", { reservedMemoryBytes: 0, workloads: 2 }],
    ]);
    expect(pickNode(all, load)?.ID).toBe("n3");
    expect(pickNode(all, new Map())?.ID).toBe("n1");
    const unusable = [
      node("n1", "node1", { Status: { State: "down" } }),
      node("n2", "node2", { Spec: { Role: "worker", Availability: "drain" } }),
    ];
    expect(pickNode(unusable, new Map())).toBeNull();
  });
});

describe("names within Swarm's limits", () => {
  it("keeps a short name and shortens a long one the same way every time", () => {
    expect(serviceName("ws-ada-dev-w1")).toBe("ws-ada-dev-w1");
    const long = `ws-${"a".repeat(40)}-dev-w${"1".repeat(24)}`;
    expect(serviceName(long).length).toBeLessThanOrEqual(63);
    expect(serviceName(long)).toBe(serviceName(long));
    expect(serviceName(long)).not.toBe(serviceName(`${long}x`));
    expect(volumeRecordName(long).length).toBeLessThanOrEqual(64);
    expect(secretName(long, "/a", Buffer.from("x"))).not.toBe(secretName(long, "/a", Buffer.from("y")));
  });
});

describe("the preparing job's folder script", () => {
  it("makes each folder with its owner and mode, quoting every path", () => {
    expect(
      folderScript([
        { type: "dir", path: "/workspace", mode: 0o755, uid: 1000, gid: 1000 },
        { type: "dir", path: "/workspace/it's", mode: 0o700, uid: 1000, gid: 100 },
      ]),
    ).toBe(
      "mkdir -p '/workspace' && chown 1000:1000 '/workspace' && chmod 755 '/workspace' && " +
        "mkdir -p '/workspace/it'\\''s' && chown 1000:100 '/workspace/it'\\''s' && chmod 700 '/workspace/it'\\''s'",
    );
  });
});
