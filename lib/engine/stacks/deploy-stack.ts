// Use case: an admin deploys a compose file as a stack. The file is checked first (validate-compose.ts: by place,
// before anything runs), the name must be free, and no volume or network it would make may be on the engine already
// (Compose would take it over, and a rollback or a removal would delete it). Then `up -d --no-build
// --remove-orphans` runs it as Compose project <name> (so everything carries com.docker.compose.project=<name>). An
// up that fails is taken down again, with only the volumes it made (roll-back-stack.ts): 422 with the tool's output.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { type ClaimedName, claimedNames } from "@/lib/engine/stacks/claimed-names";
import { composeTool, toolName } from "@/lib/engine/stacks/compose-tool";
import { type EngineNames, engineNames } from "@/lib/engine/stacks/engine-names";
import { rollBackStack } from "@/lib/engine/stacks/roll-back-stack";
import { withComposeFile } from "@/lib/engine/stacks/run-compose";
import { readStack } from "@/lib/engine/stacks/stack-objects";
import { type StackView, stackView } from "@/lib/engine/stacks/stack-view";
import { composeRefused, validateCompose } from "@/lib/engine/stacks/validate-compose";
import { AppError } from "@/lib/errors";

// Names being deployed by this process: a second deploy of the same name while the first runs is refused.
const deploying = (globalThis as unknown as { stackDeploys?: Set<string> }).stackDeploys ?? new Set<string>();
(globalThis as unknown as { stackDeploys?: Set<string> }).stackDeploys = deploying;

function nameTaken(name: string): AppError {
  return new AppError("NAME_TAKEN", `A stack named "${name}" is already on the engine: pick another name.`, {
    fields: { name: ["is taken by a stack on the engine"] },
  });
}

/** Refuses the file when a volume or network it would make is on the engine already, each by its place. */
function assertNothingAdopted(claimed: ClaimedName[], existing: EngineNames): void {
  const fields: Record<string, string[]> = {};
  for (const { kind, place, name } of claimed) {
    if (!(kind === "volume" ? existing.volumes : existing.networks).has(name)) continue;
    fields[place] = [
      `makes the ${kind} "${name}", and the engine has a ${kind} of that name already: the stack would take it over and delete it when removed or rolled back. Give it another name, or mark it external: true to use it`,
    ];
  }
  if (Object.keys(fields).length > 0) throw composeRefused(fields);
}

export async function deployStack({
  actor,
  name,
  compose,
}: {
  actor: Actor;
  /** The Compose project name (lib/validations/engine-stacks.ts STACK_NAME). */
  name: string;
  /** The compose file's text. */
  compose: string;
}): Promise<StackView> {
  return audited(
    actor,
    { action: "engine.stack.deploy", target: { type: "stack", id: name, name } },
    async (draft) => {
      assertAdmin(actor);
      const { tool, message } = await composeTool();
      if (!tool)
        throw new AppError("NOT_AVAILABLE", message ?? "No Compose tool is installed on the app's machine.");
      const file = validateCompose(compose, name);
      draft.details = { services: file.services, tool: toolName(tool), bytes: Buffer.byteLength(compose) };
      // Held before the engine is asked, so two deploys of one name at once can't both find it free.
      if (deploying.has(name)) throw nameTaken(name);
      deploying.add(name);
      try {
        if (await readStack(name)) throw nameTaken(name);
        const existing = await engineNames();
        assertNothingAdopted(claimedNames(file.config, name), existing);
        await withComposeFile(tool, name, file.text, async (run) => {
          const up = await run(["up", "-d", "--no-build", "--remove-orphans"]);
          if (up.ok) return;
          const rolledBack = await rollBackStack({
            compose: run,
            name,
            existingVolumes: existing.volumes,
          }).catch(() => false);
          throw new AppError(
            "STACK_DEPLOY_FAILED",
            rolledBack
              ? "The Compose tool could not deploy the stack; what it had made was taken down again."
              : "The Compose tool could not deploy the stack, nor take down what it had made: see the stacks list.",
            { data: { output: up.output } },
          );
        });
      } finally {
        deploying.delete(name);
      }
      const stack = await readStack(name);
      if (!stack)
        throw new AppError(
          "STACK_DEPLOY_FAILED",
          "The Compose tool ran, but the engine holds nothing of it.",
        );
      return stackView(stack);
    },
  );
}
