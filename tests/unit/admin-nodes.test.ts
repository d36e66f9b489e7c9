// The pure parts of the admin's nodes: when a node may be drained, when the one node a pinned workspace must use is
// full, and how a node's memory reads.
import { describe, expect, it } from "vitest";
import { formatMemory } from "@/components/admin/nodes/node-format";
import { drainRefusal } from "@/lib/admin/nodes/node-rules";
import { nodeCapacityRefusal } from "@/lib/resources/node-capacity";
import type { NodeAvailability, NodeStatus } from "@/lib/runtime/runtime";

const GB = 1024 ** 3;
const MB = 1024 ** 2;

const node = (hostname: string, availability: NodeAvailability, status: NodeStatus, self = false) => ({
  id: `id-${hostname}`,
  hostname,
  self,
  availability,
  status,
});

describe("draining a node", () => {
  const manager = node("node1", "active", "ready", true);
  const two = node("node2", "active", "ready");
  const three = node("node3", "active", "ready");

  it("lets a worker go while another node takes work", () => {
    expect(drainRefusal([manager, two, three], two, "")).toBeNull();
  });

  it("refuses the last node that is active and ready, whatever is typed (a down or drained one takes nothing)", () => {
    const nodes = [manager, node("node2", "drain", "ready"), node("node3", "active", "down")];
    expect(drainRefusal(nodes, manager, "node1")?.code).toBe("LAST_ACTIVE_NODE");
    expect(drainRefusal(nodes, manager, "node1")?.message).toContain("node1 is the last active node");
  });

  it("drains the app's own node only with its hostname typed", () => {
    expect(drainRefusal([manager, two], manager, "")?.code).toBe("CONFIRMATION_REQUIRED");
    expect(drainRefusal([manager, two], manager, "node2")?.code).toBe("CONFIRMATION_REQUIRED");
    expect(drainRefusal([manager, two], manager, " node1 ")).toBeNull();
  });

  it("lets a node drained already be drained again (already so)", () => {
    const drained = node("node2", "drain", "ready");
    expect(drainRefusal([manager, drained], drained, "")).toBeNull();
  });
});

describe("a pinned workspace's node", () => {
  const input = { hostname: "node2", totalBytes: 4 * GB, overcommit: 0.5, addingBytes: 512 * MB };

  it("admits what fits beside the limits running there, within the node's memory times the overcommit", () => {
    expect(nodeCapacityRefusal({ ...input, committedBytes: 1536 * MB })).toBeNull();
  });

  it("refuses one more, naming the node", () => {
    const refused = nodeCapacityRefusal({ ...input, committedBytes: 1537 * MB });
    expect(refused?.reason).toBe("node_memory");
    expect(refused?.message).toContain("Node node2");
    expect(refused?.retryAfterSeconds).toBe(60);
  });

  it("leaves a node that reports no memory to the scheduler", () => {
    expect(nodeCapacityRefusal({ ...input, totalBytes: 0, committedBytes: 10 * GB })).toBeNull();
  });
});

describe("node memory", () => {
  it("reads in GiB, or MiB below one", () => {
    expect(formatMemory(24 * GB + GB / 2)).toBe("24.5 GiB");
    expect(formatMemory(512 * MB)).toBe("512 MiB");
  });
});
