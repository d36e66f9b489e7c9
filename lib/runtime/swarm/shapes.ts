// The parts of Swarm's objects this runtime reads (dockerode types them loosely).

export type SwarmTask = {
  ID: string;
  ServiceID: string;
  NodeID?: string;
  CreatedAt: string;
  UpdatedAt?: string;
  DesiredState: string;
  Status: {
    Timestamp?: string;
    State: string;
    Message?: string;
    Err?: string;
    ContainerStatus?: { ContainerID?: string; ExitCode?: number };
    PortStatus?: { Ports?: { TargetPort?: number; PublishedPort?: number }[] };
  };
  NetworksAttachments?: { Network?: { Spec?: { Name?: string } }; Addresses?: string[] }[];
};

export type SwarmServiceSpec = {
  Name: string;
  Labels?: Record<string, string>;
  TaskTemplate: {
    ContainerSpec: {
      Image: string;
      User?: string;
      Mounts?: { Type: string; Source?: string; Target: string; VolumeOptions?: unknown }[];
      Secrets?: { SecretID: string; SecretName: string; File?: unknown }[];
      [key: string]: unknown;
    };
    Resources?: {
      Limits?: { NanoCPUs?: number; MemoryBytes?: number; Pids?: number };
      Reservations?: { NanoCPUs?: number; MemoryBytes?: number };
    };
    Placement?: { Constraints?: string[] };
    ForceUpdate?: number;
    [key: string]: unknown;
  };
  Mode: { Replicated?: { Replicas?: number }; ReplicatedJob?: unknown };
  [key: string]: unknown;
};

export type SwarmService = {
  ID: string;
  Version: { Index: number };
  CreatedAt: string;
  UpdatedAt?: string;
  Spec: SwarmServiceSpec;
};

export type SwarmNode = {
  ID: string;
  Version: { Index: number };
  Spec: {
    Role: "manager" | "worker";
    Availability: "active" | "pause" | "drain";
    Labels?: Record<string, string>;
  };
  Description?: {
    Hostname?: string;
    Resources?: { NanoCPUs?: number; MemoryBytes?: number };
    Engine?: { EngineVersion?: string };
  };
  Status: { State: string; Addr?: string; Message?: string };
  ManagerStatus?: { Leader?: boolean; Addr?: string; Reachability?: string };
};
