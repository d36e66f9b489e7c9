// The engine's Compose stacks for admins: list them with the tool that deploys, deploy one, read, stop, start and
// remove one. Answers are tied to the use cases' view types (lib/engine/stacks/stack-view.ts, remove-stack.ts).
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import type { RemovedStackView } from "@/lib/engine/stacks/remove-stack";
import type { StacksView, StackView } from "@/lib/engine/stacks/stack-view";
import {
  deployStackSchema,
  removeStackQuerySchema,
  STACK_NAME,
  stopStackQuerySchema,
} from "@/lib/validations/engine-stacks";

const TAG = "admin: engine stacks";

const state = z
  .enum(["running", "restarting", "paused", "partial", "stopped", "empty"])
  .describe(
    "running: all run; restarting: all live (running, restarting or paused), one or more restarting; paused: all live, one or more paused; partial: some live, some not; stopped: none live; empty: only networks or volumes are left.",
  );

const stackSchema = z.strictObject({
  name: z.string().describe("The Compose project name (label com.docker.compose.project)."),
  state,
  protected: z
    .string()
    .nullable()
    .describe(
      "Why stopping or removing it takes `confirm` (it holds the app itself, or Traefik); null: it does not.",
    ),
  services: z.array(
    z.strictObject({
      name: z.string().describe("Label com.docker.compose.service."),
      state,
      containers: z.array(
        z.strictObject({
          id: z.string(),
          name: z.string(),
          image: z.string(),
          state: z.string().describe("The engine's: running, exited, created, paused, restarting, dead."),
          status: z.string().describe('The engine\'s words, e.g. "Up 3 minutes".'),
        }),
      ),
    }),
  ),
  networks: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  volumes: z.array(z.strictObject({ name: z.string() })),
  created_at: z.iso
    .datetime()
    .nullable()
    .describe("Its oldest container's creation; null without containers."),
});
sameType<z.output<typeof stackSchema>, StackView>();

const stacksSchema = z.strictObject({
  tool: z
    .strictObject({ command: z.string(), version: z.string() })
    .nullable()
    .describe("The Compose tool deploys run with; null: none is installed on the app's machine."),
  message: z
    .string()
    .nullable()
    .describe("Why there is no tool, and what to install; null when there is one."),
  stacks: z.array(stackSchema),
});
sameType<z.output<typeof stacksSchema>, StacksView>();

const removedSchema = z.strictObject({
  name: z.string(),
  containers: z.array(z.string()),
  networks: z.array(z.string()),
  volumes: z.array(z.string()).describe("Removed with their data (volumes=true)."),
  kept_volumes: z.array(z.string()).describe("Left on the engine with their data."),
});
sameType<z.output<typeof removedSchema>, RemovedStackView>();

const stackName = z.strictObject({
  name: z.string().regex(STACK_NAME).describe("The stack's name (another is 404)."),
});

const CONFIRM_ERRORS = [{ status: 400, codes: ["CONFIRMATION_REQUIRED" as const] }];
const NOT_FOUND = [{ status: 404, codes: ["ENGINE_OBJECT_NOT_FOUND" as const] }];

export const adminEngineStackOperations = [
  operation({
    id: "adminListStacks",
    method: "get",
    path: "/api/v1/admin/engine/stacks",
    summary: "List the engine's stacks",
    description:
      "Every Compose project on the engine, made here or elsewhere, from the labels of its containers, networks and volumes; and the Compose tool deploys use (`tool: null` and a `message` when none is installed).",
    tags: [TAG],
    access: "admin",
    responses: { 200: { description: "The tool and the stacks, by name.", schema: stacksSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminDeployStack",
    method: "post",
    path: "/api/v1/admin/engine/stacks",
    summary: "Deploy a compose file as a stack",
    description:
      "The file is checked before anything runs — YAML syntax (line and column), the Compose specification's schema, and what can't work here (`build`, relative bind mounts, `env_file`, `extends` with a file, no services) — every problem in `error.fields` keyed by its place (`services.web.ports[0]`). A top-level `name:` is taken when it equals `name` (else refused under `compose`). A volume or network the file would make (by its `name:`, or `<name>_<key>`) that is already on the engine is refused at its place (`volumes.data.name`): the stack would take it over. Then `up -d --no-build --remove-orphans` as Compose project `name`. A failed up is taken down again, with only the volumes it made (422 with the tool's output in `error.details.output`). 501 when no Compose tool is installed.",
    tags: [TAG],
    access: "admin",
    body: deployStackSchema,
    responses: { 201: { description: "The stack, deployed.", schema: stackSchema } },
    errors: [
      { status: 409, codes: ["NAME_TAKEN"] },
      { status: 422, codes: ["STACK_DEPLOY_FAILED"] },
      { status: 501, codes: ["NOT_AVAILABLE"] },
      ...ENGINE_ERRORS,
    ],
  }),
  operation({
    id: "adminGetStack",
    method: "get",
    path: "/api/v1/admin/engine/stacks/{name}",
    summary: "Read a stack",
    description: "Its services with their containers' states, its networks and volumes.",
    tags: [TAG],
    access: "admin",
    params: stackName,
    responses: { 200: { description: "The stack.", schema: stackSchema } },
    errors: [...NOT_FOUND, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminRemoveStack",
    method: "delete",
    path: "/api/v1/admin/engine/stacks/{name}",
    summary: "Remove a stack",
    description:
      "Removes its containers (forced) and networks; with `volumes=true` its volumes and their data too, and its containers' anonymous volumes, always with `confirm` = its name (even when it has no named volume). A protected stack only with `confirm` = its name too (400 CONFIRMATION_REQUIRED otherwise). Everything is tried; what could not be removed is named in the error: 409 IN_USE when a network or volume is still used outside the stack.",
    tags: [TAG],
    access: "admin",
    params: stackName,
    query: removeStackQuerySchema,
    responses: { 200: { description: "What was removed and what was kept.", schema: removedSchema } },
    errors: [...CONFIRM_ERRORS, ...NOT_FOUND, { status: 409, codes: ["IN_USE"] }, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminStopStack",
    method: "post",
    path: "/api/v1/admin/engine/stacks/{name}/stop",
    summary: "Stop a stack",
    description:
      "Stops its live containers: running, restarting and paused ones (each gets 10 s before it is killed). A protected stack only with `confirm` = its name.",
    tags: [TAG],
    access: "admin",
    params: stackName,
    query: stopStackQuerySchema,
    responses: { 200: { description: "The stack, stopped.", schema: stackSchema } },
    errors: [...CONFIRM_ERRORS, ...NOT_FOUND, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminStartStack",
    method: "post",
    path: "/api/v1/admin/engine/stacks/{name}/start",
    summary: "Start a stack",
    description:
      "Starts its containers that are neither running nor restarting, oldest first; paused ones are unpaused.",
    tags: [TAG],
    access: "admin",
    params: stackName,
    responses: { 200: { description: "The stack, started.", schema: stackSchema } },
    errors: [...NOT_FOUND, ...ENGINE_ERRORS],
  }),
];
