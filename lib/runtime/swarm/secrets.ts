// Secret files as Swarm secrets: the engine keeps them encrypted in its Raft log, sends each only to the node
// running its task, and mounts it there from memory (tmpfs) at its path, the user's and 0600 — never in the volume or
// an image layer. A secret is immutable; a changed file is a new one (its name carries the content's hash), and
// secret files change only by re-creating the workload anyway.
import "server-only";
import type Docker from "dockerode";
import { AppError } from "@/lib/errors";
import { dockerCall } from "@/lib/runtime/docker/call";
import { hasStatus, orNull } from "@/lib/runtime/docker/errors";
import type { FileEntry } from "@/lib/runtime/runtime";
import { RUNTIME_LABELS, secretName } from "@/lib/runtime/swarm/names";
import type { SecretRef } from "@/lib/runtime/swarm/service-spec";

type FileOnly = Extract<FileEntry, { type: "file" }>;

/** The files among entries (folders are made otherwise on a Swarm: files.ts). */
export const filesOf = (entries: FileEntry[]): FileOnly[] =>
  entries.filter((entry): entry is FileOnly => entry.type === "file");

async function findSecretId(docker: Docker, name: string): Promise<string | null> {
  const secrets = (await dockerCall("look up a secret", (opts) =>
    docker.listSecrets({ ...opts, filters: { name: [name] } }),
  )) as unknown as { ID: string; Spec: { Name: string } }[];
  return secrets.find((secret) => secret.Spec.Name === name)?.ID ?? null;
}

/** Makes (or finds, after a crash) one secret per file, owned by `owner` (a service name), and their references. */
export async function secretRefs(docker: Docker, owner: string, files: FileOnly[]): Promise<SecretRef[]> {
  const refs: SecretRef[] = [];
  for (const file of files) {
    const name = secretName(owner, file.path, file.content);
    const made = await dockerCall("store a secret file", (opts) =>
      orNull(
        docker.createSecret({
          ...opts,
          Name: name,
          Labels: { [RUNTIME_LABELS.owner]: owner },
          Data: file.content.toString("base64"),
        }) as Promise<{ id: string }>,
        hasStatus(409),
      ),
    );
    const id = made?.id ?? (await findSecretId(docker, name));
    // Made a moment ago by another launch, and gone again: a file must never be silently left out.
    if (!id)
      throw new AppError(
        "CONTAINER_START_FAILED",
        `The secret file ${file.path} could not be stored. Try again.`,
      );
    refs.push({
      SecretID: id,
      SecretName: name,
      File: { Name: file.path, UID: String(file.uid), GID: String(file.gid), Mode: file.mode },
    });
  }
  return refs;
}

/** Removes the secrets a service owned (after it is gone: a secret in use can't be removed). */
export async function removeSecretsOf(docker: Docker, owner: string): Promise<void> {
  const secrets = (await dockerCall("list secrets", (opts) =>
    docker.listSecrets({ ...opts, filters: { label: [`${RUNTIME_LABELS.owner}=${owner}`] } }),
  )) as unknown as { ID: string }[];
  for (const secret of secrets)
    await dockerCall("remove a secret", (opts) =>
      orNull(docker.getSecret(secret.ID).remove(opts), hasStatus(404, 400)),
    ).catch(() => {
      // Still in use by a task shutting down: the next removal of this owner, or an admin, takes it.
    });
}
