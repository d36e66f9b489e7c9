// What proves to a workload that a request came through Traefik after forward-auth said yes. Workloads share one
// network, so another workspace can reach a container's port directly, past Traefik; a template that serves anything
// private (the IDE: a shell) checks this header against WORKSPACE_ACCESS_TOKEN, which only the app and the workload
// know. Traefik copies it from forward-auth's answer onto the request (authResponseHeaders), replacing any a client
// sent. One value per workspace, derived from AUTH_SECRET: no storage, the same in every app process.
import { createHmac } from "node:crypto";
import { key } from "@/lib/workspace-auth/workspace-cookie";

export const ACCESS_HEADER = "X-Spawner-Access";

const tokens = new Map<string, string>();

export function workspaceAccessToken(secret: string, workspaceId: string): string {
  const id = `${workspaceId}:${secret}`;
  let token = tokens.get(id);
  if (!token) {
    token = createHmac("sha256", key(secret, "spawner workspace access v1"))
      .update(workspaceId)
      .digest("base64url");
    // Bounded: one entry per workspace seen; a flood of made-up ids never gets here (forward-auth checks first).
    if (tokens.size >= 50_000) tokens.clear();
    tokens.set(id, token);
  }
  return token;
}
