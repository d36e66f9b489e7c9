// A stack's view from its engine objects: its state from its containers' (running, restarting, paused, partial,
// stopped, empty), with the same live set Stop uses; its services in order, and protected when it holds Traefik or a
// container labelled spawner.protected.
import { describe, expect, it } from "vitest";
import type { StackContainer, StackObjects } from "@/lib/engine/stacks/stack-objects";
import { stackView } from "@/lib/engine/stacks/stack-view";

const container = (service: string, state: string, extra: Partial<StackContainer> = {}): StackContainer => ({
  id: `${service}-${state}`.padEnd(64, "0"),
  name: `demo_${service}_1`,
  image: "busybox:latest",
  service,
  state,
  status: state === "running" ? "Up 1 minute" : "Exited (0) 1 minute ago",
  createdAt: Date.parse("2026-01-02T03:04:05Z"),
  labels: {},
  ...extra,
});
const stack = (containers: StackContainer[], rest: Partial<StackObjects> = {}): StackObjects => ({
  name: "demo",
  containers,
  networks: [],
  volumes: [],
  ...rest,
});

describe("stackView", () => {
  it("reads the stack's state from its containers", () => {
    expect(stackView(stack([container("web", "running"), container("db", "running")])).state).toBe("running");
    expect(stackView(stack([container("web", "running"), container("db", "exited")])).state).toBe("partial");
    expect(stackView(stack([container("web", "exited"), container("db", "created")])).state).toBe("stopped");
    expect(stackView(stack([], { volumes: [{ name: "demo_data" }] }))).toMatchObject({
      state: "empty",
      services: [],
      created_at: null,
    });
  });

  it("is not stopped while anything is live: restarting and paused containers count, as Stop counts them", () => {
    const states = (...list: string[]) =>
      stackView(stack(list.map((state, i) => container(`s${i}`, state)))).state;
    expect(states("restarting", "restarting")).toBe("restarting");
    expect(states("running", "restarting")).toBe("restarting");
    expect(states("paused", "paused")).toBe("paused");
    expect(states("paused", "running")).toBe("paused");
    expect(states("restarting", "exited")).toBe("partial");
    expect(states("paused", "created")).toBe("partial");
    expect(states("exited", "dead")).toBe("stopped");
  });

  it("lists services by name, each with its containers and state", () => {
    const view = stackView(stack([container("web", "running"), container("db", "exited")]));
    expect(view.services.map((service) => [service.name, service.state, service.containers.length])).toEqual([
      ["db", "stopped", 1],
      ["web", "running", 1],
    ]);
    expect(view.created_at).toBe("2026-01-02T03:04:05.000Z");
    expect(view.protected).toBeNull();
  });

  it("is protected when it holds Traefik or a container labelled spawner.protected", () => {
    expect(stackView(stack([container("proxy", "running", { image: "traefik:v3.3" })])).protected).toContain(
      "Traefik",
    );
    const labelled = container("app", "running", { labels: { "spawner.protected": "app" } });
    expect(stackView(stack([container("web", "running"), labelled])).protected).toContain("runs Spawner");
  });
});
