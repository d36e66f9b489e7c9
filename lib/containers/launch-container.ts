// Use case: open a user's container. Not created: create and start. Stopped: start. Gone: create again.
// Ready means the service answers HTTP; every step is published for the card's progress view.
import "server-only";
import type { ContainerInspectInfo } from "dockerode";
import { containerSpecFor, type Owner } from "@/lib/containers/container-spec-for";
import { faultPoint } from "@/lib/containers/fault-point";
import { launchKey, singleFlight } from "@/lib/containers/in-flight";
import { progressReporter } from "@/lib/containers/launch-progress";
import { probeUrl } from "@/lib/containers/probe-url";
import { waitUntilReady } from "@/lib/containers/wait-until-ready";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { AppError, toErrorBody } from "@/lib/errors";
import { serviceUrl } from "@/lib/ingress/ingress";
import { buildCreateOptions, type ContainerSpec } from "@/lib/runtime/container-spec";
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

type Reporter = ReturnType<typeof progressReporter>;

export async function launchContainer({
  owner,
  type,
}: {
  owner: Owner;
  type: unknown;
}): Promise<LaunchResult> {
  const template = getTemplates()[parseContainerType(type)];
  const key = launchKey(owner.id, template.type);
  // Twenty clicks in this process share one launch; other processes meet at the unique name and row.
  return singleFlight(key, async () => {
    const progress = progressReporter(key);
    try {
      const result = await launch(owner, template, progress);
      progress.ready();
      return result;
    } catch (error) {
      progress.fail(toErrorBody(error).body.error);
      throw error;
    }
  });
}

async function launch(owner: Owner, template: Template, progress: Reporter): Promise<LaunchResult> {
  const env = getEnv();
  const spec = containerSpecFor(env, owner, template);
  const where = { userId_containerType: { userId: owner.id, containerType: template.type } };
  progress.step("image");
  const row = await getDb().userContainer.findUnique({ where });
  let container =
    (row?.containerId && (await inspectContainer(row.containerId))) ||
    (await findOwnByName(spec.name, owner));
  const id = container?.Id ?? (await create(owner, template, spec, row !== null, progress));
  // Upsert: the row may be missing while the container exists (adopted by name after a lost write).
  await getDb().userContainer.upsert({
    where,
    create: {
      userId: owner.id,
      containerType: template.type,
      containerId: id,
      containerName: spec.name,
      image: template.image,
    },
    update: { containerId: id, containerName: spec.name, lastUsedAt: new Date() },
  });
  progress.step("start");
  if (!container?.State.Running) await startContainer(id);
  await faultPoint("after-start");
  container = await inspectContainer(id);
  if (!container)
    throw new AppError("CONTAINER_START_FAILED", "The container disappeared while it was starting.");
  progress.step("ready");
  const probe = probeUrl(env, container, template.port);
  if (probe) await waitUntilReady({ url: probe, timeoutMs: env.READINESS_TIMEOUT_MS, label: template.type });
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
  spec: ContainerSpec,
  rowExisted: boolean,
  progress: Reporter,
): Promise<string> {
  if (!(await imageExists(template.image))) throw imageMissing(template);
  progress.step("create");
  await ensureNetwork(spec.network);
  const where = { userId_containerType: { userId: owner.id, containerType: template.type } };
  // The row records intent before the engine acts, so a crash in between leaves a row the reconciler can match.
  await getDb().userContainer.upsert({
    where,
    create: {
      userId: owner.id,
      containerType: template.type,
      containerName: spec.name,
      image: template.image,
    },
    update: { containerId: null, containerName: spec.name, image: template.image },
  });
  await faultPoint("after-row");
  let id: string;
  try {
    // null: the name is taken — another process created it a moment ago; use that one.
    id =
      (await createContainer(buildCreateOptions(spec))) ??
      (await findOwnByName(spec.name, owner))?.Id ??
      spec.name;
  } catch (error) {
    // Nothing half-created: a row we just wrote goes again when the container could not be made.
    if (!rowExisted)
      await getDb().userContainer.deleteMany({ where: { ...where.userId_containerType, containerId: null } });
    throw error;
  }
  await faultPoint("after-create");
  return id;
}

function imageMissing(template: Template): AppError {
  return new AppError(
    "TEMPLATE_IMAGE_NOT_FOUND",
    `The ${template.type} template image "${template.image}" is not available on this server. Ask an administrator to build it.`,
  );
}
