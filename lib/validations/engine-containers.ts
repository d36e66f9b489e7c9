// Input of the admin's container calls on the engine, shared by the routes, the actions and the API document.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { OBJECT_NAME } from "@/lib/validations/engine-objects";

export const MAX_LOG_TAIL = 100_000;
export const DEFAULT_LOG_TAIL = 1000;

/** The container named in a path or an action: a bad one is 400, never a lookup. */
export function parseContainerRef(value: unknown): string {
  if (typeof value !== "string" || !OBJECT_NAME.test(value))
    throw new AppError("VALIDATION_FAILED", "That is not a container id or name.", {
      fields: { id: ["A container id (full or short hex) or name: letters, digits, _ . -, at most 128."] },
    });
  return value;
}

const flag = (name: string, meaning: string) =>
  z
    .enum(["true", "false"], { message: `${name} must be true or false.` })
    .optional()
    .transform((value) => value === "true")
    .describe(meaning);

const confirm = z
  .string()
  .max(255)
  .optional()
  .describe(
    "The container's name, typed again: needed for the platform's own containers (the app, Traefik).",
  );

export const listContainersQuerySchema = z.strictObject({
  all: flag("all", "true: stopped containers too (default: running only)."),
});

export const containerActionQuerySchema = z.strictObject({ confirm });

export const containerActionBodySchema = z.strictObject({ confirm });

export const removeContainerQuerySchema = z.strictObject({
  force: flag("force", "true: remove it even while it runs (it is killed first)."),
  confirm,
});

export const containerLogsQuerySchema = z.strictObject({
  tail: z.coerce
    .number({ message: "tail must be a number of lines." })
    .int({ message: "tail must be a whole number of lines." })
    .min(0, { message: "tail is at least 0." })
    .max(MAX_LOG_TAIL, { message: `tail is at most ${MAX_LOG_TAIL} lines.` })
    .default(DEFAULT_LOG_TAIL)
    .describe("How many of the last lines (0–100000; 0 with follow: only new ones)."),
  follow: flag("follow", "true: answer text/event-stream, the tail first, then each new line as it comes."),
  download: flag(
    "download",
    "true: the tail as a text/plain attachment (one line each: time, stream, text).",
  ),
  since: z.iso
    .datetime({ offset: true, message: "since must be an ISO 8601 time." })
    .optional()
    .describe(
      "With follow: only lines from this time on (a line's `at`), less `skip` of those at exactly this time, so a viewer resumes without a gap.",
    ),
  skip: z.coerce
    .number({ message: "skip must be a number of lines." })
    .int({ message: "skip must be a whole number of lines." })
    .min(0, { message: "skip is at least 0." })
    .max(MAX_LOG_TAIL, { message: `skip is at most ${MAX_LOG_TAIL} lines.` })
    .optional()
    .describe(
      "With since: how many lines at exactly that time the viewer already holds (they are not sent again); without it, none at that time is sent.",
    ),
});
