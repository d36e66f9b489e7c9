// The few facts the app shows about a container, read from either of Docker's shapes (list entry or inspect).
import type { ContainerInfo, ContainerInspectInfo } from "dockerode";
import { exitCodeFromStatus } from "@/lib/containers/container-status";
import type { PublishedPort } from "@/lib/ingress/ingress";
import { portsFromInspect, portsFromList } from "@/lib/runtime/published-ports";

export type ContainerFacts = {
  id: string;
  state: string;
  exitCode: number | undefined;
  created: Date;
  ports: PublishedPort[];
};

export function factsFromList(info: ContainerInfo): ContainerFacts {
  return {
    id: info.Id,
    state: info.State,
    exitCode: exitCodeFromStatus(info.Status),
    created: new Date(info.Created * 1000),
    ports: portsFromList(info),
  };
}

export function factsFromInspect(info: ContainerInspectInfo): ContainerFacts {
  return {
    id: info.Id,
    state: info.State.Status,
    exitCode: info.State.Status === "exited" ? info.State.ExitCode : undefined,
    created: new Date(info.Created),
    ports: portsFromInspect(info),
  };
}
