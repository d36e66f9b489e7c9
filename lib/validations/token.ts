// The input of a new API token, shared by the settings page's form and its server action.
import { z } from "zod";
import { SCOPES } from "@/lib/tokens/scopes";

export const EXPIRY_CHOICES = [7, 30, 90] as const;

export const createTokenSchema = z
  .strictObject({
    name: z
      .string({ message: "Name the token, e.g. ci-deploy." })
      .trim()
      .min(1, { message: "Name the token, e.g. ci-deploy." })
      .max(80, { message: "At most 80 characters." }),
    scopes: z
      .array(z.enum(SCOPES, { message: `Scopes are ${SCOPES.join(", ")}.` }), {
        message: "Choose at least one scope.",
      })
      .min(1, { message: "Choose at least one scope." })
      .max(SCOPES.length)
      .transform((scopes) => [...new Set(scopes)]),
    expires_in_days: z
      .number({ message: "Choose when it expires." })
      .int({ message: "A whole number of days." })
      .min(1, { message: "At least one day." })
      .max(3650, { message: "At most 3650 days." })
      .optional(),
    expires_on: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "A date such as 2027-03-31." })
      // Date() rolls 2027-02-30 over into March: only a day that reads back the same exists.
      .refine((day) => !Number.isNaN(Date.parse(day)) && new Date(day).toISOString().slice(0, 10) === day, {
        message: "There is no such day.",
      })
      .optional(),
  })
  .refine((input) => (input.expires_in_days === undefined) !== (input.expires_on === undefined), {
    message: "Choose a number of days or a date it expires on (one of them).",
    path: ["expires_in_days"],
  });

export type CreateTokenInput = z.infer<typeof createTokenSchema>;
