// Every setting, parsed once. Defaults run locally; a bad value names its variable.
import { z } from "zod";

const emailList = z
  .string()
  .default("")
  .transform((raw) =>
    raw
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.email({ message: "must be a comma-separated list of email addresses" })));

const httpUrl = z.url({ protocol: /^https?$/, message: "must be an http:// or https:// URL" });

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: httpUrl.default("http://localhost:3000"),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, { message: "must be a SQLite file URL such as file:./data/spawner.db" })
    .default("file:./data/spawner.db"),
  AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -hex 32)" }),
  EMAIL_SERVER: z
    .url({ protocol: /^smtps?$/, message: "must be a nodemailer URL such as smtp://user:pass@host:587" })
    .optional(),
  EMAIL_FROM: z.string().min(3).default("Spawner <no-reply@localhost>"),
  ADMIN_EMAILS: emailList,
  // How many proxies (Traefik ...) append to X-Forwarded-For in front of the app.
  TRUSTED_PROXY_HOPS: int(0, 10).default(0),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

/** Parses settings; the error message lists every bad variable by name. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = envSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0] ?? "settings");
    const message =
      issue.code === "invalid_type" && cleaned[name] === undefined ? "is required" : issue.message;
    return `  ${name} ${message}`;
  });
  throw new EnvError(`Invalid settings:\n${lines.join("\n")}`);
}

let cached: Env | undefined;

/** The settings of this process, parsed on first use. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
