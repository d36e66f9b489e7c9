// Secrets outside the environment: in any text the engine pages show (an env value, a label, a command argument, a
// health check's output), a URL's password and a `password=…` segment are masked. Pure, so the rules are tested alone.

/** Names that usually hold a secret: DB_PASSWORD, API_KEY, GITHUB_TOKEN, SENTRY_DSN, SLACK_WEBHOOK, DB_PW... */
export const SECRET_KEY =
  /(pass|pwd|secret|token|key|credential|auth|private|cookie|session|salt|signature|dsn|webhook|_pw$)/i;

export const MASK = "••••••";

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

// scheme://user:password@host: everything from "user:" to the last "@" of the word goes, since a password may hold
// a raw "@"; the user, host and database stay readable.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^/:\s]*:)(\S*)@/gi;

// name=value where the name looks secret: "Server=db;Password=x", "?sslmode=require&password=x", "--token=x".
const SEGMENT = /(^|[\s;&?,])(-{0,2})([a-z_][\w.-]*)=("[^"]*"|'[^']*'|[^;&\s]*)/gi;

// --name value inside one string (a shell script passed to sh -c): "redis-server --requirepass x".
const FLAG_THEN_VALUE = /(^|\s)(--?)([a-z][\w.-]*)(\s+)(?!--)("[^"]*"|'[^']*'|[^\s;&|]+)/gi;

/** The text with every secret-looking part masked. */
export function maskText(text: string): string {
  return text
    .replace(URL_PASSWORD, (_all, head: string) => `${head}${MASK}@`)
    .replace(SEGMENT, (all, before: string, dashes: string, name: string, value: string) =>
      isSecretKey(name) && value !== MASK ? `${before}${dashes}${name}=${MASK}` : all,
    )
    .replace(FLAG_THEN_VALUE, (all, before: string, dashes: string, name: string, gap: string) =>
      isSecretKey(name) ? `${before}${dashes}${name}${gap}${MASK}` : all,
    );
}

const FLAG = /^--?([a-z][\w.-]*)$/i;

/** A command or entrypoint, argument by argument: `--password x` masks x, `--password=x` and URLs as any text. */
export function maskArgs(args: readonly string[]): string[] {
  return args.map((arg, index) => {
    const flag = index > 0 ? FLAG.exec(args[index - 1] ?? "") : null;
    if (flag?.[1] && isSecretKey(flag[1]) && !arg.startsWith("--")) return MASK;
    return maskText(arg);
  });
}

// Traefik's basic and digest auth take "user:hash" lists under a key that names no secret.
const TRAEFIK_USERS = /\.(basicauth|digestauth)\.users$/i;

/** Labels with secret-looking keys (judged by their last dotted part) masked, and every value scanned. */
export function maskLabels(labels: Record<string, string> | null | undefined): Record<string, string> {
  const masked: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels ?? {})) {
    const last = key.split(/[./]/).pop() ?? key;
    masked[key] = isSecretKey(last) || TRAEFIK_USERS.test(key) ? MASK : maskText(value);
  }
  return masked;
}
