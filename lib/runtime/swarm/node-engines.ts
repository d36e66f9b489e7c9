// Each node's own Docker Engine, where the app can reach it (SWARM_NODE_ENDPOINTS): what the manager can't tell —
// a task container's stats and connections, a volume's removal. Keyed by node hostname or id.
import "server-only";
import Docker from "dockerode";
import { getEnv } from "@/lib/env";
import type { SwarmNode } from "@/lib/runtime/swarm/shapes";

const store = globalThis as unknown as { spawnerNodeEngines?: Map<string, Docker> };

/** "node1=unix:///var/run/docker.sock,node2=tcp://10.0.0.2:2375" -> hostname or id -> engine URL. */
export function parseNodeEndpoints(text: string): Map<string, string> {
  const endpoints = new Map<string, string>();
  for (const entry of text
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const at = entry.indexOf("=");
    if (at > 0) endpoints.set(entry.slice(0, at).trim(), entry.slice(at + 1).trim());
  }
  return endpoints;
}

export function dockerFor(url: string): Docker {
  if (url.startsWith("unix://")) return new Docker({ socketPath: url.slice("unix://".length) });
  const parsed = new URL(url.replace(/^tcp:/, "http:"));
  return new Docker({
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === "https:" ? 2376 : 2375)),
    protocol: parsed.protocol === "https:" ? "https" : "http",
  });
}

/**
 * The engine of this node (by its id, or its hostname when no other node reports the same one: a node names itself,
 * and a clone or an intruder must not get another's engine), or null when the settings name none for it.
 */
export function nodeEngine(nodeId: string, nodes: Map<string, SwarmNode>): Docker | null {
  const endpoints = parseNodeEndpoints(getEnv().SWARM_NODE_ENDPOINTS ?? "");
  const hostname = nodes.get(nodeId)?.Description?.Hostname;
  const sharesName = [...nodes.values()].filter((node) => node.Description?.Hostname === hostname).length > 1;
  const url = endpoints.get(nodeId) ?? (hostname && !sharesName ? endpoints.get(hostname) : undefined);
  if (!url) return null;
  store.spawnerNodeEngines ??= new Map();
  let engine = store.spawnerNodeEngines.get(url);
  if (!engine) {
    engine = dockerFor(url);
    store.spawnerNodeEngines.set(url, engine);
  }
  return engine;
}
