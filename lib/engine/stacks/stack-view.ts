// What the API and the page show of a stack: its services with their containers' states, its networks and volumes,
// and why it is protected (it holds the app itself, or Traefik). Views are the wire's shape (snake_case).
import "server-only";
import { containerProtection } from "@/lib/engine/self";
import type { StackObjects } from "@/lib/engine/stacks/stack-objects";
import { type StackState, stackStateOf } from "@/lib/engine/stacks/stack-state";

export type { StackState };

export type StackContainerView = { id: string; name: string; image: string; state: string; status: string };
export type StackServiceView = { name: string; state: StackState; containers: StackContainerView[] };

export type StackView = {
  name: string;
  state: StackState;
  /** Why stopping or removing it takes its name typed again, or null. */
  protected: string | null;
  services: StackServiceView[];
  networks: { id: string; name: string }[];
  volumes: { name: string }[];
  created_at: string | null;
};

export type ComposeToolView = { command: string; version: string };
export type StacksView = { tool: ComposeToolView | null; message: string | null; stacks: StackView[] };

/** The protection of the stack's first protected container: the app's own, Traefik, or a labelled one. */
export function stackProtection(stack: StackObjects): string | null {
  for (const container of stack.containers) {
    const found = containerProtection(container);
    if (found) return `${found.message} It is part of this stack.`;
  }
  return null;
}

export function stackView(stack: StackObjects): StackView {
  const byService = new Map<string, StackContainerView[]>();
  for (const container of [...stack.containers].sort((a, b) => a.name.localeCompare(b.name))) {
    const list = byService.get(container.service) ?? [];
    list.push({
      id: container.id,
      name: container.name,
      image: container.image,
      state: container.state,
      status: container.status,
    });
    byService.set(container.service, list);
  }
  const services = [...byService.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, containers]) => ({ name, state: stackStateOf(containers.map((c) => c.state)), containers }));
  const created = Math.min(...stack.containers.map((container) => container.createdAt));
  return {
    name: stack.name,
    state: stackStateOf(stack.containers.map((container) => container.state)),
    protected: stackProtection(stack),
    services,
    networks: [...stack.networks].sort((a, b) => a.name.localeCompare(b.name)),
    volumes: [...stack.volumes].sort((a, b) => a.name.localeCompare(b.name)),
    created_at: Number.isFinite(created) ? new Date(created).toISOString() : null,
  };
}
