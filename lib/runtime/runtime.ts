// The runtime seam: what runs one workload, in runtime-neutral types. Nothing here knows users or the database;
// nothing outside lib/runtime reads an engine's own shapes. Docker implements it today (lib/runtime/docker),
// a Swarm runtime later: stop may scale to zero, state may come from tasks, addresses from an overlay network.

/** What people can be told about a workload, whatever runs it. */
export type WorkloadState = "pending" | "running" | "stopped" | "failed";

/** One port a workload serves: where the app itself reaches it, and where a browser can (local mode). */
export type Endpoint = {
  port: number;
  /** Address on the workload network (Traefik and the app's readiness probe use it). */
  address?: string;
  /** A port published on this machine's loopback interface. */
  published?: { host: string; port: number };
};

export type Workload = {
  id: string;
  name: string;
  image: string;
  /** The content id of the image it runs (the same for every workload of one image version). */
  imageId?: string;
  /** The user its processes run as, as its image says ("", "name", "uid:gid" ...). */
  user?: { spec: string };
  state: WorkloadState;
  /** The exit code of a workload that ended. */
  exitCode?: number;
  /** It ended because it ran out of memory (its limit); known where the runtime inspected it. */
  oomKilled?: boolean;
  endpoints: Endpoint[];
  labels: Record<string, string>;
  createdAt: Date;
  /** When it last started, running or not; undefined when it never has (or the runtime can't tell). */
  startedAt?: Date;
  /** Where it runs, or last ran (a cluster runtime; a single engine leaves it out). */
  node?: NodeRef;
  /** The node it must run on, because its data volume lives there (a cluster runtime with local volumes). */
  pinnedTo?: NodeRef;
  /** Why it is not running although it should be (the scheduler's words, in ours): a node down, no room. */
  waiting?: string;
};

/** A cluster node as a workload refers to it. */
export type NodeRef = { id: string; hostname: string; status: NodeStatus; availability?: NodeAvailability };
export type NodeStatus = "ready" | "down" | "unknown" | "disconnected";
export type NodeAvailability = "active" | "pause" | "drain";

/** One node of a cluster runtime, as admins see it. */
export type ClusterNode = {
  id: string;
  hostname: string;
  role: "manager" | "worker";
  /** The manager the app talks to. */
  self: boolean;
  leader: boolean;
  availability: NodeAvailability;
  status: NodeStatus;
  address: string;
  engineVersion: string;
  cpus: number;
  memoryBytes: number;
  /** What the workloads placed on it reserve (their reservations, running or pinned there). */
  reserved: { cpus: number; memoryBytes: number };
  /** Our workloads' tasks running (or starting) there now. */
  tasks: number;
  /** Workloads pinned to it by their volume. */
  pinned: number;
};

/** How a start gets on, on a runtime that schedules (a cluster): reported as the phases come. */
export type StartPhase =
  | { phase: "scheduled"; node: string }
  | { phase: "preparing"; node: string }
  | { phase: "running"; node: string };

export type Limits = { memoryBytes: number; cpus: number; pidsLimit: number };

export type VolumeMount = {
  name: string;
  target: string;
  labels: Record<string, string>;
  /** The volume driver and its options (default: "local", none). */
  driver?: { name: string; options: Record<string, string> };
  /** Every node reaches the same data (NFS ...): a cluster runtime need not pin the workload to one node. */
  shared?: boolean;
};

export type WorkloadSpec = {
  name: string;
  image: string;
  hostname?: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  /** Ports the workload's apps listen on. */
  ports: number[];
  /** Local mode publishes the ports on loopback only; behind a proxy nothing is published. */
  publishOnLoopback: boolean;
  network: string;
  limits: Limits;
  capAdd: string[];
  /** What a scheduler keeps free for it (a cluster runtime places it only where this fits; Docker ignores it). */
  reservations?: { memoryBytes: number; cpus: number };
  volume?: VolumeMount;
};

/** A file or directory written into a workload before it starts (secret files, a data folder's owner). */
export type FileEntry =
  | { type: "file"; path: string; content: Buffer; mode: number; uid: number; gid: number }
  | { type: "dir"; path: string; mode: number; uid: number; gid: number };

/** The account a workload's processes run as, read from its image. */
export type WorkloadUser = { uid: number; gid: number; home: string };

/** A short-lived helper run next to a workload (a git clone into its volume): runs to its end, then goes. */
export type TaskSpec = {
  name: string;
  image: string;
  command: string[];
  user: string;
  env: Record<string, string>;
  labels: Record<string, string>;
  network: string;
  volume: { name: string; target: string };
  files: FileEntry[];
  limits: Limits;
  timeoutMs: number;
};

export type TaskResult = { exitCode: number; output: string };

export type WorkloadStats = {
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  networkRxBytes: number;
  networkTxBytes: number;
  pids: number;
  readAt: string;
};

/** A workload's cumulative CPU time at one moment: two readings give its CPU % over the time between them. */
export type UsageSample = {
  /** CPU time used since it started, in nanoseconds (100% of one CPU for one second is 1e9). */
  cpuNs: number;
  memoryBytes: number;
  /** Its memory limit (the engine's memory when it has none of its own); 0 when the runtime can't tell. */
  memoryLimitBytes: number;
  /** Bytes received and sent over all its networks since it started (counters: rates need two readings). */
  networkRxBytes: number;
  networkTxBytes: number;
  readAt: string;
};

/** What the engine has to give to its workloads (a Swarm runtime: the sum over its nodes). */
export type EngineResources = {
  cpus: number;
  memoryBytes: number;
  /** Memory free on the engine's machine right now; null when the runtime can't tell (a remote engine). */
  freeMemoryBytes: number | null;
};

export type LogLine = { stream: "stdout" | "stderr"; text: string };

export type WorkloadEvent = {
  action: "create" | "start" | "stop" | "die" | "destroy" | "other";
  workloadId: string;
  labels: Record<string, string>;
};

export type EngineInfo = { version: string; apiVersion: string; os: string; arch: string };

/** A named data volume, whatever stores it. */
export type Volume = { name: string; labels: Record<string, string>; createdAt: Date | null };

/** Label selector: key -> exact value, or true for "has this label". */
export type LabelSelector = Record<string, string | true>;

export interface Runtime {
  ping(): Promise<EngineInfo>;
  imageExists(image: string): Promise<boolean>;
  /** Creates a workload (not started); null when one with that name exists already. */
  create(spec: WorkloadSpec): Promise<string | null>;
  inspect(idOrName: string): Promise<Workload | null>;
  /** Workloads with these labels; `running: true` lists only running ones (cheaper with many stopped). */
  list(selector: LabelSelector, options?: { running?: boolean }): Promise<Workload[]>;
  /** Starts it and resolves once it runs (a cluster runtime reports the scheduling phases on the way). */
  start(id: string, observe?: (phase: StartPhase) => void): Promise<void>;
  stop(id: string): Promise<void>;
  restart(id: string): Promise<void>;
  /** Removes the workload; its volume stays. */
  remove(id: string): Promise<void>;
  /**
   * New limits for a workload: in place on Docker; a cluster runtime replaces its task (then `restarted`: no restart
   * is needed to apply them).
   */
  updateLimits(id: string, limits: Limits): Promise<{ restarted: boolean } | undefined>;
  /** Resolves the workload's user (uid, gid, home) from its image: once per image version. */
  userOf(workload: Workload): Promise<WorkloadUser>;
  /** Owner of a directory in a created workload (its volumes included), or null when there is none. */
  pathOwner(id: string, path: string): Promise<{ uid: number; gid: number } | null>;
  writeFiles(id: string, entries: FileEntry[]): Promise<void>;
  runTask(spec: TaskSpec): Promise<TaskResult>;
  removeVolume(name: string): Promise<void>;
  /** Why this volume's data can't be removed from here (a cluster node whose engine the app can't reach), or null. */
  volumeRemovalRefusal?(name: string): Promise<string | null>;
  volumeExists(name: string): Promise<boolean>;
  /** Volumes whose labels match (an orphan is one no workspace or kept volume names). */
  listVolumes(selector: LabelSelector): Promise<Volume[]>;
  followLogs(
    id: string,
    options: { tail: number; onLine: (line: LogLine) => void; onEnd: () => void; onError: () => void },
  ): Promise<() => void>;
  readAllLogs(id: string): Promise<string>;
  /** The last `tail` lines, each with its stream. */
  readLogLines(id: string, tail: number): Promise<LogLine[]>;
  stats(id: string): Promise<WorkloadStats>;
  /** One quick reading of a running workload's counters (stats() waits for a second one); null when it is gone. */
  /** `signal` ends the reading early (the sampler stopping at shutdown frees its engine connections at once). */
  usage(id: string, options?: { signal?: AbortSignal }): Promise<UsageSample | null>;
  resources(): Promise<EngineResources>;
  /**
   * Connections established to these ports of a running workload right now (an open WebSocket is one); null when
   * the runtime can't tell for this workload.
   */
  openConnections(id: string, ports: number[]): Promise<number | null>;
  watch(
    selector: LabelSelector,
    handlers: { onEvent: (event: WorkloadEvent) => void; onClose: () => void },
  ): Promise<() => void>;
  /** Cluster runtimes only (undefined on a single engine): its nodes, their availability, how to add one. */
  nodes?(): Promise<ClusterNode[]>;
  setNodeAvailability?(nodeId: string, availability: NodeAvailability): Promise<void>;
  joinCommand?(): Promise<string>;
}
