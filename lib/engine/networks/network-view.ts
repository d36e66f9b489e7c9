// An engine network as the Networks tab and the API show it. Wire names are snake_case (the API's).

export type NetworkView = {
  id: string;
  name: string;
  driver: string;
  scope: string;
  internal: boolean;
  attachable: boolean;
  subnets: string[];
  created_at: string | null;
  labels: Record<string, string>;
  /** Containers configured on it, running or not, by name. */
  containers: string[];
  /** Why the engine pages will not remove it (the engine's own, this app's), or null. */
  protected: string | null;
};
