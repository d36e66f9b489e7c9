// What on the engine is the platform itself: the container this app runs in, Traefik in front of it, and the
// networks they (and the workspaces) use. The engine pages refuse to act on these unless the admin types the name,
// since stopping one takes the whole platform down with nobody able to start it again from here.
import "server-only";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";

/** Label an operator may put on any container (or network, or volume) the engine pages must protect. */
export const PROTECTED_LABEL = "spawner.protected";

// /proc/self/mountinfo names the container's own directory under /var/lib/docker/containers/<id>/ (its hostname,
// resolv.conf and hosts files are bind-mounted from there); cgroup v1 names /docker/<id>. Either gives the full id.
const CONTAINER_ID = /\/(?:docker\/)?containers\/([0-9a-f]{64})\/|\/docker[/-]([0-9a-f]{64})/;

const SHORT_ID = /^[0-9a-f]{12}$/;

let cached: { id: string | null } | undefined;

/** The full container id named in the text of /proc/self/mountinfo or /proc/self/cgroup, or null. */
export function parseContainerId(text: string): string | null {
  const match = CONTAINER_ID.exec(text);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** This process's container id on the engine, or null when the app runs on the host. */
export function ownContainerId(): string | null {
  if (cached) return cached.id;
  let id: string | null = null;
  for (const file of ["/proc/self/mountinfo", "/proc/self/cgroup"]) {
    try {
      id = parseContainerId(readFileSync(file, "utf8"));
      if (id) break;
    } catch {
      // Not Linux, or /proc not mounted: then nothing is known from here.
    }
  }
  cached = { id };
  return id;
}

/**
 * How to name this app's container to the engine: its id, else its hostname when that looks like a short id (Docker
 * sets a container's hostname to it unless told otherwise); null when the app runs on the host.
 */
export function ownContainerRef(): string | null {
  const short = hostname();
  return ownContainerId() ?? (SHORT_ID.test(short) ? short : null);
}

export type ContainerFacts = {
  id: string;
  /** Without the leading "/". */
  name: string;
  image: string;
  labels: Record<string, string>;
};

export type Protection = { reason: "app" | "proxy" | "label"; message: string } | null;

export function isTraefikImage(image: string): boolean {
  // "traefik", "traefik:v3.3", "registry.example.com/library/traefik:v3"; not "my-traefik-plugin-demo".
  const repository = image.split("@")[0]?.replace(/:[^/:]+$/, "") ?? "";
  return repository.split("/").pop() === "traefik";
}

/** Why a container may be acted on only with its name typed, or null when it is an ordinary one. */
export function containerProtection(container: ContainerFacts): Protection {
  const own = ownContainerRef();
  if (own && container.id.startsWith(own))
    return { reason: "app", message: "This is the container Spawner itself runs in." };
  if (container.labels[PROTECTED_LABEL] === "app")
    return { reason: "app", message: "This container runs Spawner (label spawner.protected=app)." };
  if (container.labels[PROTECTED_LABEL] === "proxy" || isTraefikImage(container.image))
    return { reason: "proxy", message: "This is Traefik, the proxy every workspace is reached through." };
  if (container.labels[PROTECTED_LABEL])
    return { reason: "label", message: `This container is protected (label ${PROTECTED_LABEL}).` };
  return null;
}
