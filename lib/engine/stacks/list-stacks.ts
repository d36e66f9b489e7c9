// Use case: an admin lists the engine's Compose stacks (this app's and any other's), with the tool deploys use.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import type { Actor } from "@/lib/auth/actor";
import { composeTool } from "@/lib/engine/stacks/compose-tool";
import { readStacks } from "@/lib/engine/stacks/stack-objects";
import { type StacksView, stackView } from "@/lib/engine/stacks/stack-view";

export async function listStacks({ actor }: { actor: Actor }): Promise<StacksView> {
  assertAdmin(actor);
  const [{ tool, message }, stacks] = await Promise.all([composeTool(), readStacks()]);
  return {
    tool: tool ? { command: [tool.command, ...tool.args].join(" "), version: tool.version } : null,
    message,
    stacks: [...stacks.values()].map(stackView).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
