// Secret files and the git token of a workspace: sealed at rest, opened only to be written into its workload.
import "server-only";
import { open, seal } from "@/lib/crypto/secret-box";
import { getEnv } from "@/lib/env";

export type SecretKind = "file" | "git-token";

export type SealedSecret = { kind: string; path: string; size: number; sealed: string };

const boundTo = (workspaceId: string, kind: SecretKind, path: string) => `${workspaceId}:${kind}:${path}`;

export function sealSecret(
  workspaceId: string,
  kind: SecretKind,
  path: string,
  content: Buffer,
): SealedSecret {
  return {
    kind,
    path,
    size: content.length,
    sealed: seal(content, getEnv().AUTH_SECRET, boundTo(workspaceId, kind, path)),
  };
}

export function openSecret(workspaceId: string, secret: SealedSecret): Buffer {
  return open(
    secret.sealed,
    getEnv().AUTH_SECRET,
    boundTo(workspaceId, secret.kind as SecretKind, secret.path),
  );
}
