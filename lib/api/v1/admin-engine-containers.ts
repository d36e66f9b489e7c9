// The engine's containers for admins: every container (not only this app's), one's details, start, stop, restart,
// remove, and its log (tail, follow as server-sent events, download). Answers are tied to the use cases' view types.
import { z } from "zod";
import { operation } from "@/lib/api/operation";
import { ENGINE_ERRORS } from "@/lib/api/operation-errors";
import { sameType } from "@/lib/api/same-type";
import type { ContainerLogView } from "@/lib/engine/containers/container-logs";
import {
  CONTAINER_STATES,
  type ContainerDetailsView,
  type ContainerRowView,
  type ContainersView,
} from "@/lib/engine/containers/container-view";
import type { RemovedView } from "@/lib/engine/containers/remove-container";
import {
  containerActionBodySchema,
  containerActionQuerySchema,
  containerLogsQuerySchema,
  listContainersQuerySchema,
  removeContainerQuerySchema,
} from "@/lib/validations/engine-containers";
import { OBJECT_NAME } from "@/lib/validations/engine-objects";

const TAG = "admin: engine containers";

const portSchema = z.strictObject({
  private_port: z.number().int(),
  public_port: z.number().int().nullable().describe("Published on the host; null when not published."),
  host_ip: z.string().nullable(),
  protocol: z.string(),
});

const rowShape = {
  id: z.string().describe("The full id."),
  name: z.string(),
  image: z.string(),
  state: z.enum(CONTAINER_STATES),
  status: z.string().describe('The engine\'s words: "Up 3 hours", "Exited (0) 2 minutes ago".'),
  created_at: z.iso.datetime(),
  ports: z.array(portSchema),
  managed: z.boolean().describe("Labelled by this app (its LABEL_PREFIX)."),
  workspace: z
    .strictObject({ id: z.string(), name: z.string(), owner_id: z.string(), owner_email: z.string() })
    .nullable()
    .describe("This app's workspace it runs (null: not ours, or no workspace claims it)."),
  protected: z
    .strictObject({ reason: z.enum(["app", "proxy", "label"]), message: z.string() })
    .nullable()
    .describe(
      "The platform's own (the app, Traefik, label spawner.protected): stop, restart and remove need confirm.",
    ),
};

const rowSchema = z.strictObject(rowShape);
sameType<z.output<typeof rowSchema>, ContainerRowView>();

const containersSchema = z.strictObject({ all: z.boolean(), containers: z.array(rowSchema) });
sameType<z.output<typeof containersSchema>, ContainersView>();

const detailsSchema = z.strictObject({
  ...rowShape,
  command: z.array(z.string()),
  entrypoint: z.array(z.string()),
  working_dir: z.string(),
  user: z.string(),
  hostname: z.string(),
  tty: z.boolean().describe("A TTY container's log has one stream (stdout)."),
  mounts: z.array(
    z.strictObject({
      type: z.string(),
      name: z.string().nullable(),
      source: z.string(),
      destination: z.string(),
      mode: z.string(),
      read_only: z.boolean(),
    }),
  ),
  networks: z.array(
    z.strictObject({
      name: z.string(),
      ip_address: z.string().nullable(),
      ipv6_address: z.string().nullable(),
      gateway: z.string().nullable(),
      mac_address: z.string().nullable(),
      aliases: z.array(z.string()),
    }),
  ),
  env: z
    .array(z.strictObject({ key: z.string(), value: z.string().nullable(), masked: z.boolean() }))
    .describe(
      "Values of keys that look secret (pass, secret, token, key, credential, auth, private …) are null and masked; a URL's password is replaced.",
    ),
  labels: z.record(z.string(), z.string()),
  restart_count: z.number().int(),
  restart_policy: z.string(),
  started_at: z.iso.datetime().nullable(),
  finished_at: z.iso.datetime().nullable(),
  exit_code: z.number().int().nullable(),
  error: z.string().nullable(),
  health: z
    .strictObject({
      status: z.string(),
      failing_streak: z.number().int(),
      last_output: z.string().nullable(),
    })
    .nullable(),
});
sameType<z.output<typeof detailsSchema>, ContainerDetailsView>();

const removedSchema = z.strictObject({ removed: z.literal(true), id: z.string(), name: z.string() });
sameType<z.output<typeof removedSchema>, RemovedView>();

const logLineSchema = z.strictObject({
  stream: z.enum(["stdout", "stderr"]),
  text: z.string(),
  at: z.string().nullable().describe("When the engine received it: RFC 3339 with nanoseconds."),
});

const logSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  tty: z.boolean(),
  lines: z.array(logLineSchema).describe("Oldest first."),
});
sameType<z.output<typeof logSchema>, ContainerLogView>();

const containerId = z.strictObject({
  id: z.string().regex(OBJECT_NAME).describe("A full or short id, or the name (anything else is 400)."),
});

const NOT_FOUND = { status: 404, codes: ["ENGINE_OBJECT_NOT_FOUND" as const] };
const BAD_ID = { status: 400, codes: ["VALIDATION_FAILED" as const] };
const CONFIRM = { status: 400, codes: ["CONFIRMATION_REQUIRED" as const] };

const action = (verb: "stop" | "restart", summary: string, description: string) =>
  operation({
    id: `adminEngine${verb === "stop" ? "Stop" : "Restart"}Container`,
    method: "post",
    path: `/api/v1/admin/engine/containers/{id}/${verb}`,
    summary,
    description: `${description} The platform's own containers (the app, Traefik) need \`confirm\` = their name, in the query or a JSON body (400 CONFIRMATION_REQUIRED otherwise; \`error.details.confirm\` names it). Audited as \`engine.container.${verb}\`.`,
    tags: [TAG],
    access: "admin",
    params: containerId,
    query: containerActionQuerySchema,
    body: containerActionBodySchema.optional(),
    responses: { 200: { description: "The container afterwards.", schema: detailsSchema } },
    errors: [BAD_ID, CONFIRM, NOT_FOUND, ...ENGINE_ERRORS],
  });

export const adminEngineContainerOperations = [
  operation({
    id: "adminEngineListContainers",
    method: "get",
    path: "/api/v1/admin/engine/containers",
    summary: "List the engine's containers",
    description:
      "Every container on the engine, not only this app's (running ones unless `all=true`), by name; this app's linked to their workspace and owner, the platform's own marked protected.",
    tags: [TAG],
    access: "admin",
    query: listContainersQuerySchema,
    responses: { 200: { description: "The containers.", schema: containersSchema } },
    errors: ENGINE_ERRORS,
  }),
  operation({
    id: "adminEngineInspectContainer",
    method: "get",
    path: "/api/v1/admin/engine/containers/{id}",
    summary: "A container's details",
    description:
      "Image, state, ports, mounts, networks with their addresses, environment (secret-looking values masked), labels, restart count and policy, times, exit code and health.",
    tags: [TAG],
    access: "admin",
    params: containerId,
    responses: { 200: { description: "The container.", schema: detailsSchema } },
    errors: [BAD_ID, NOT_FOUND, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminEngineRemoveContainer",
    method: "delete",
    path: "/api/v1/admin/engine/containers/{id}",
    summary: "Remove a container",
    description:
      "A running one only with `force=true` (409 IN_USE with the engine's words otherwise); its volumes stay. The platform's own need `confirm` = their name (400 CONFIRMATION_REQUIRED). Audited as `engine.container.remove`.",
    tags: [TAG],
    access: "admin",
    params: containerId,
    query: removeContainerQuerySchema,
    responses: { 200: { description: "It is gone.", schema: removedSchema } },
    errors: [BAD_ID, CONFIRM, NOT_FOUND, { status: 409, codes: ["IN_USE"] }, ...ENGINE_ERRORS],
  }),
  operation({
    id: "adminEngineStartContainer",
    method: "post",
    path: "/api/v1/admin/engine/containers/{id}/start",
    summary: "Start a container",
    description:
      "Already running is success. Needs no confirmation, even for the platform's own. Audited as `engine.container.start`.",
    tags: [TAG],
    access: "admin",
    params: containerId,
    responses: { 200: { description: "The container afterwards.", schema: detailsSchema } },
    errors: [BAD_ID, NOT_FOUND, { status: 409, codes: ["IN_USE"] }, ...ENGINE_ERRORS],
  }),
  action("stop", "Stop a container", "Already stopped is success; it gets 10 s before it is killed."),
  action("restart", "Restart a container", "Stopped (10 s, then killed) and started again."),
  operation({
    id: "adminEngineContainerLogs",
    method: "get",
    path: "/api/v1/admin/engine/containers/{id}/logs",
    summary: "A container's log",
    description: [
      "The last `tail` lines (default 1000, at most 100000), oldest first, each with its stream and time.",
      "With `follow=true` the answer is `text/event-stream`: an event `line` (data `{ stream, text, at }`) for each line of the tail and each new one, `end` when the container stops, `: keep-alive` comments every 15 s; it lasts until the client leaves. `since` (a line's `at`) resumes after that line.",
      "With `download=true` it is a `text/plain` attachment, one line each: time, stream, text.",
      "A TTY container's log has one stream, stdout.",
    ].join("\n\n"),
    tags: [TAG],
    access: "admin",
    params: containerId,
    query: containerLogsQuerySchema,
    responses: {
      200: {
        description:
          "JSON (the lines), or with follow=true text/event-stream, or with download=true text/plain.",
        schema: logSchema,
      },
    },
    errors: [BAD_ID, NOT_FOUND, ...ENGINE_ERRORS],
  }),
];
