// Use case: an admin deploys a compose file as a stack. The file is checked first (validate-compose.ts: by place,
// before anything runs), the name must be free, then `up -d --no-build --remove-orphans` runs it as Compose project
// <name> (so everything carries com.docker.compose.project=<name>). An up that fails is taken down again, volumes
// too (they are new: the name was free), so nothing is left half-made: 422 with the tool's output.
import "server-only";
import { assertAdmin } from "@/lib/admin/assert-admin";
import { audited } from "@/lib/audit/audited";
import type { Actor } from "@/lib/auth/actor";
import { composeTool, toolName } from "@/lib/engine/stacks/compose-tool";
import { withComposeFile } from "@/lib/engine/stacks/run-compose";
import { readStack } from "@/lib/engine/stacks/stack-objects";
import { type StackView, stackView } from "@/lib/engine/stacks/stack-view";
import { validateCompose } from "@/lib/engine/stacks/validate-compose";
import { AppError } from "@/lib/errors";

// Names being deployed by this process: a second deploy of the same name while the first runs is refused.
const deploying = (globalThis as unknown as { stackDeploys?: Set<string> }).stackDeploys ?? new Set<string>();
(globalThis as unknown as { stackDeploys?: Set<string> }).stackDeploys = deploying;

function nameTaken(name: string): AppError {
  return new AppError("NAME_TAKEN", `A stack named "${name}" is already on the engine: pick another name.`, {
    fields: { name: ["is taken by a stack on the engine"] },
  });
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
      const file = validateCompose(compose);
      draft.details = { services: file.services, tool: toolName(tool), bytes: Buffer.byteLength(compose) };
      // Held before the engine is asked, so two deploys of one name at once can't both find it free.
      if (deploying.has(name)) throw nameTaken(name);
      deploying.add(name);
      try {
        if (await readStack(name)) throw nameTaken(name);
        await withComposeFile(tool, name, compose, async (run) => {
          const up = await run(["up", "-d", "--no-build", "--remove-orphans"]);
          if (up.ok) return;
          const down = await run(["down", "--volumes", "--remove-orphans"]);
          throw new AppError(
            "STACK_DEPLOY_FAILED",
            down.ok
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
