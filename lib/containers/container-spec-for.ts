// The full container spec of one user's container of one type, from settings and template.
import type { Env } from "@/lib/env";
import { ingressLabels, publishesLoopbackPort, serviceBasePath } from "@/lib/ingress/ingress";
import type { ContainerSpec } from "@/lib/runtime/container-spec";
import { ownershipLabels } from "@/lib/runtime/labels";
import { containerName } from "@/lib/runtime/names";
import type { Template } from "@/lib/templates/registry";

export type Owner = { id: string; slug: string };

export function containerSpecFor(env: Env, owner: Owner, template: Template): ContainerSpec {
  const target = { userId: owner.id, slug: owner.slug, type: template.type, port: template.port };
  return {
    name: containerName({ slug: owner.slug, type: template.type, userId: owner.id }),
    hostname: `${owner.slug}-${template.type}`.slice(0, 63),
    image: template.image,
    port: template.port,
    network: env.CONTAINER_NETWORK,
    labels: { ...ownershipLabels(env.LABEL_PREFIX, target), ...ingressLabels(env, target) },
    env: {
      USER_ID: owner.id,
      USER_SLUG: owner.slug,
      CONTAINER_TYPE: template.type,
      SERVICE_BASE_PATH: serviceBasePath(env, target),
    },
    limits: {
      memoryBytes: env.CONTAINER_MEMORY,
      cpus: env.CONTAINER_CPUS,
      pidsLimit: env.CONTAINER_PIDS_LIMIT,
    },
    capAdd: env.CONTAINER_CAP_ADD,
    publishOnLoopback: publishesLoopbackPort(env),
  };
}
