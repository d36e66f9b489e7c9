// Swarm's names are shorter than Docker's: a service name is at most 63 characters. A longer workload name keeps
// its readable start and gets a hash of the whole, so the same workload name always finds the same service.
import { createHash } from "node:crypto";

const MAX_SERVICE_NAME = 63;

/** Labels the Swarm runtime writes for itself (next to the app's own, whatever its LABEL_PREFIX). */
export const RUNTIME_LABELS = {
  /** The workload name the app asked for (the service's own name may be a shortened one). */
  name: "spawner.runtime.name",
  /** On a service: the node its volume pins it to. On a volume record: the node the volume lives on. */
  node: "spawner.runtime.node",
  /** On a volume record (a Swarm config): the volume's name. */
  volume: "spawner.runtime.volume",
  /** On a service: the ports its apps listen on (nothing is published behind a proxy, so Swarm lists none). */
  ports: "spawner.runtime.ports",
  /** On a service: when it was last scaled up (a stopped service has no task to tell). */
  startedAt: "spawner.runtime.started-at",
  /** On a secret or job: the service it belongs to. */
  owner: "spawner.runtime.owner",
} as const;

const hash = (text: string, length: number) =>
  createHash("sha256").update(text).digest("hex").slice(0, length);

export function serviceName(workloadName: string): string {
  if (workloadName.length <= MAX_SERVICE_NAME) return workloadName;
  return `${workloadName.slice(0, MAX_SERVICE_NAME - 13).replace(/[-_.]+$/, "")}-${hash(workloadName, 12)}`;
}

/** The Swarm config that records where a volume lives (configs are the cluster's own small store). */
export function volumeRecordName(volumeName: string): string {
  return `spawner-volume-${hash(volumeName, 32)}`;
}

/** A secret file's Swarm secret: one per service and path; its content's hash makes a changed file a new secret. */
export function secretName(service: string, path: string, content: Buffer): string {
  // The whole owner's name is in the hash: two long names that start alike never share a secret.
  const contentHash = createHash("sha256").update(content).digest("hex").slice(0, 10);
  return `${service.slice(0, 30)}-${hash(`${service}\n${path}`, 10)}-${contentHash}`;
}

/** A one-shot job next to a service (a clone, preparing its volume): fixed per purpose, so a crashed one is found. */
export function jobName(base: string): string {
  return serviceName(base);
}
