// Slugs name a user in URLs and container names: lower-case [a-z0-9-], at most 32 characters.
export const SLUG_MAX_LENGTH = 32;

function trimDashes(value: string): string {
  return value.replace(/^-+|-+$/g, "");
}

/** The base slug of an email address: its local part, made DNS-safe. */
export function slugFromEmail(email: string): string {
  const localPart = email.slice(0, Math.max(email.lastIndexOf("@"), 0)) || email;
  const ascii = localPart.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  const dashed = ascii.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  const slug = trimDashes(trimDashes(dashed).slice(0, SLUG_MAX_LENGTH));
  return slug || "user";
}

/** The first free slug among base, base-2, base-3 ..., each cut to fit 32 characters. */
export function pickFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const head = trimDashes(base.slice(0, SLUG_MAX_LENGTH - suffix.length)) || "user";
    const candidate = `${head}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
