"use server";

import { type JoinCommandView, readJoinCommand } from "@/lib/admin/nodes/read-join-command";
import { type ActionResult, adminAction } from "@/lib/http/safe-action";

// Server action: "Show the command" in the nodes page's Join a worker box — GET /api/v1/admin/nodes/join-command.
// Read on click, not with the page, so the token is audited only when an admin asks to see it.
export async function readJoinCommandAction(): Promise<ActionResult<JoinCommandView>> {
  return adminAction((actor) => readJoinCommand({ actor }));
}
