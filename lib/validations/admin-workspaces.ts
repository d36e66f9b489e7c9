// The admin's view of every workspace: one schema for its query (the page's GET form and GET
// /api/v1/admin/workspaces alike) and one for a bulk action (the page's action and POST …/bulk). Runs in the browser
// too: no server imports.
import { z } from "zod";
import { WORKSPACE_STATUSES } from "@/lib/workspaces/status";

export const ADMIN_WORKSPACE_SORTS = [
  "owner",
  "name",
  "template",
  "status",
  "created",
  "activity",
  "cpu",
  "memory",
] as const;
export type AdminWorkspaceSort = (typeof ADMIN_WORKSPACE_SORTS)[number];
export type SortDir = "asc" | "desc";

/** The direction a column sorts in first: names A–Z, the newest and the busiest on top. */
export const FIRST_DIR: Record<AdminWorkspaceSort, SortDir> = {
  owner: "asc",
  name: "asc",
  template: "asc",
  status: "asc",
  created: "desc",
  activity: "desc",
  cpu: "desc",
  memory: "desc",
};

export const BULK_ACTIONS = ["start", "stop", "restart", "delete"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The most workspaces one bulk action may touch (a selection or a filter's matches). */
export const MAX_BULK_WORKSPACES = 1000;
export const PAGE_SIZE = 50;

// A form sends "" for a field left empty: the same as not sending it.
const blankIsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const contains = (what: string) =>
  z.preprocess(
    blankIsUnset,
    z
      .string({ message: `Enter part of ${what}.` })
      .trim()
      .toLowerCase()
      .max(100, { message: `Search for at most 100 characters of ${what}.` })
      .optional(),
  );

export const workspaceFilterSchema = z.object({
  /** Part of the owner's email address or slug. */
  owner: contains("an owner's email or slug"),
  /** Part of the workspace's name or display name. */
  name: contains("a workspace name"),
  template: z.preprocess(
    blankIsUnset,
    z
      .string({ message: "Choose a template." })
      .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, { message: "Choose a template by its name." })
      .optional(),
  ),
  status: z.preprocess(
    blankIsUnset,
    z.enum(WORKSPACE_STATUSES, { message: `Choose a status: ${WORKSPACE_STATUSES.join(", ")}.` }).optional(),
  ),
});
export type WorkspaceFilter = z.infer<typeof workspaceFilterSchema>;

const positiveInt = (max: number, fallback: number, what: string) =>
  z.preprocess(
    blankIsUnset,
    z.coerce
      .number({ message: `${what} must be a number.` })
      .int({ message: `${what} must be a whole number.` })
      .min(1, { message: `${what} must be at least 1.` })
      .max(max, { message: `${what} must be at most ${max}.` })
      .default(fallback),
  );

export const adminWorkspaceQuerySchema = workspaceFilterSchema.extend({
  sort: z.preprocess(
    blankIsUnset,
    z
      .enum(ADMIN_WORKSPACE_SORTS, { message: `Sort by one of ${ADMIN_WORKSPACE_SORTS.join(", ")}.` })
      .default("owner"),
  ),
  dir: z.preprocess(blankIsUnset, z.enum(["asc", "desc"], { message: "Sort asc or desc." }).optional()),
  page: positiveInt(100_000, 1, "The page"),
  per_page: positiveInt(200, PAGE_SIZE, "per_page"),
});
export type AdminWorkspaceQuery = z.output<typeof adminWorkspaceQuerySchema>;

/** The query as a URL's search parameters, without the values that are the defaults (for links). */
export function queryToSearch(query: Partial<AdminWorkspaceQuery>): string {
  const params = new URLSearchParams();
  for (const key of ["owner", "name", "template", "status"] as const)
    if (query[key]) params.set(key, String(query[key]));
  if (query.sort && query.sort !== "owner") params.set("sort", query.sort);
  if (query.dir && query.dir !== FIRST_DIR[query.sort ?? "owner"]) params.set("dir", query.dir);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  if (query.per_page && query.per_page !== PAGE_SIZE) params.set("per_page", String(query.per_page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

const workspaceId = z.string({ message: "Not a workspace id." }).regex(/^[a-z0-9-]{1,64}$/i, {
  message: "Not a workspace id.",
});

export const bulkWorkspacesSchema = z
  .object({
    action: z.enum(BULK_ACTIONS, { message: `Choose an action: ${BULK_ACTIONS.join(", ")}.` }),
    /** A selection of workspaces, or */
    ids: z
      .array(workspaceId, { message: "Send the ids of the selected workspaces as a list." })
      .min(1, { message: "Select at least one workspace." })
      .max(MAX_BULK_WORKSPACES, {
        message: `Select at most ${MAX_BULK_WORKSPACES} workspaces at once.`,
      })
      .transform((ids) => [...new Set(ids)])
      .optional(),
    /** every workspace this filter matches ({} matches all). */
    filter: workspaceFilterSchema.optional(),
    /** Delete only: remove their data volumes too (else each is kept for its owner). */
    delete_data: z.boolean({ message: "Say whether to delete their data (true or false)." }).default(false),
    /** Delete with data only: the number of workspaces it deletes, typed by the admin. */
    confirm: z.string({ message: "Type the number of workspaces to confirm." }).max(32).optional(),
  })
  .refine((input) => (input.ids === undefined) !== (input.filter === undefined), {
    message: "Send either ids (a selection) or filter (everything it matches).",
    path: ["ids"],
  })
  .refine((input) => !input.delete_data || input.action === "delete", {
    message: "delete_data goes only with the delete action.",
    path: ["delete_data"],
  });
export type BulkWorkspacesInput = z.output<typeof bulkWorkspacesSchema>;
