// Use case: open a user's container. Not created: create and start. Stopped: start. Gone: create again.
import "server-only";
import type { ContainerInspectInfo } from "dockerode";
import { containerSpecFor, type Owner } from "@/lib/containers/container-spec-for";
import { launchKey, singleFlight } from "@/lib/containers/in-flight";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { serviceUrl } from "@/lib/ingress/ingress";
import { buildCreateOptions } from "@/lib/runtime/container-spec";
import {
  createContainer,
  ensureNetwork,
  imageExists,
  inspectContainer,
  startContainer,
} from "@/lib/runtime/containers";
import { readOwnership } from "@/lib/runtime/labels";
import { portsFromInspect } from "@/lib/runtime/published-ports";
import { getTemplates } from "@/lib/templates/get-templates";
import { parseContainerType, type Template } from "@/lib/templates/registry";

export type LaunchResult = {
  message: string;
  service_url: string | null;
  container_id: string;
  status: "running";
};

export async function launchContainer({
  owner,
  type,
}: {
  owner: Owner;
  type: unknown;
}): Promise<LaunchResult> {
  const template = getTemplates()[parseContainerType(type)];
  // Twenty clicks in this process share one launch; other processes meet at the unique name and row.
  return singleFlight(launchKey(owner.id, template.type), () => launch(owner, template));
}

async function launch(owner: Owner, template: Template): Promise<LaunchResult> {
  const env = getEnv();
  const spec = containerSpecFor(env, owner, template);
  const row = await getDb().userContainer.findUnique({
    where: { userId_containerType: { userId: owner.id, containerType: template.type } },
  });
  let container =
    (row?.containerId && (await inspectContainer(row.containerId))) ||
    (await findOwnByName(spec.name, owner));
  if (!container) container = await create(owner, template, spec, row !== null);
  // Upsert: the row may be missing while the container exists (adopted by name after a lost write).
  await getDb().userContainer.upsert({
    where: { userId_containerType: { userId: owner.id, containerType: template.type } },
    create: {
      userId: owner.id,
      containerType: template.type,
      containerId: container.Id,
      containerName: spec.name,
      image: template.image,
    },
    update: { containerId: container.Id, containerName: spec.name, lastUsedAt: new Date() },
  });
  if (!container.State.Running) {
    await startContainer(container.Id);
    container = (await inspectContainer(container.Id)) ?? container;
  }
  return {
    message: `Your ${template.displayName.toLowerCase()} container is running.`,
    service_url: serviceUrl(
      env,
      { slug: owner.slug, type: template.type, port: template.port },
      portsFromInspect(container),
    ),
    container_id: container.Id,
    status: "running",
  };
}

/** A container with our name: made by a parallel or crashed process. Ours only if its labels say so. */
async function findOwnByName(name: string, owner: Owner): Promise<ContainerInspectInfo | null> {
  const found = await inspectContainer(name);
  if (!found) return null;
  if (readOwnership(getEnv().LABEL_PREFIX, found.Config.Labels)?.userId !== owner.id) {
    throw new AppError("CONFLICT", "A container with this name exists but does not belong to you.");
  }
  return found;
}

async function create(
  owner: Owner,
  template: Template,
  spec: ReturnType<typeof containerSpecFor>,
  rowExisted: boolean,
): Promise<ContainerInspectInfo> {
  if (!(await imageExists(template.image))) throw imageMissing(template);
  await ensureNetwork(spec.network);
  const key = { userId_containerType: { userId: owner.id, containerType: template.type } };
  // The row records intent before the engine acts, so a crash in between leaves a row the reconciler can match.
  await getDb().userContainer.upsert({
    where: key,
    create: {
      userId: owner.id,
      containerType: template.type,
      containerName: spec.name,
      image: template.image,
    },
    update: { containerId: null, containerName: spec.name, image: template.image },
  });
  try {
    const id = (await createContainer(buildCreateOptions(spec))) ?? spec.name;
    const created = await inspectContainer(id);
    if (!created)
      throw new AppError("CONTAINER_START_FAILED", "The container disappeared while it was being created.");
    return created;
  } catch (error) {
    // Nothing half-created: a row we just wrote goes again when the container could not be made.
    if (!rowExisted)
      await getDb().userContainer.deleteMany({ where: { ...key.userId_containerType, containerId: null } });
    throw error;
  }
}

function imageMissing(template: Template): AppError {
  return new AppError(
    "TEMPLATE_IMAGE_NOT_FOUND",
    `The ${template.type} template image "${template.image}" is not available on this server. Ask an administrator to build it.`,
  );
}
