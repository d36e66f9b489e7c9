// An engine volume as the Volumes tab and the API show it. Wire names are snake_case (the API's).

export type VolumeOwner =
  | { kind: "workspace"; workspace_id: string; workspace_name: string; owner_email: string }
  | { kind: "kept"; workspace_name: string; owner_email: string }
  | { kind: "orphan"; workspace_id: string | null }
  | { kind: "app" }
  | { kind: "label" };

export type VolumeView = {
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  created_at: string | null;
  labels: Record<string, string>;
  /** From system df; null where the engine has not measured it (it answers -1). */
  size_bytes: number | null;
  /** Containers whose config mounts it, running or not (system df's count, when it has one). */
  ref_count: number;
  containers: string[];
  /** Whose data it is, when it is this app's: then it is removed only through the workspace or the orphans page. */
  belongs_to: VolumeOwner | null;
};

export type PrunedVolumesView = {
  removed: string[];
  count: number;
  reclaimed_bytes: number;
  failed: { name: string; message: string }[];
};
