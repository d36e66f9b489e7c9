// Every field error, keyed by field, so a form can show all of them at once.
import type { z } from "zod";

export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join(".") : "form";
    fields[key] ??= [];
    fields[key].push(issue.message);
  }
  return fields;
}
