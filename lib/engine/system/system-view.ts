// What the System tab shows: the engine's facts and where its disk goes. Wire names are snake_case (the API's).

export type DiskUseRow = {
  /** How many there are (layers of build cache count one each). */
  count: number;
  /** Bytes on disk; for images the shared layers once. */
  size_bytes: number;
  /** What a prune of unused ones would give back. */
  reclaimable_bytes: number;
};

export type SystemView = {
  engine_version: string;
  api_version: string;
  os: string;
  os_type: string;
  kernel_version: string;
  architecture: string;
  storage_driver: string;
  cgroup_driver: string;
  cgroup_version: string;
  cpus: number;
  memory_bytes: number;
  containers: { total: number; running: number; paused: number; stopped: number };
  images: number;
  swarm: { state: string; manager: boolean };
  disk: { images: DiskUseRow; containers: DiskUseRow; volumes: DiskUseRow; build_cache: DiskUseRow };
};
