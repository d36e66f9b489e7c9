// One schema for the sign-in form, shared by the browser and the server.
import { z } from "zod";

export const signInSchema = z.object({
  email: z
    .string({ message: "Enter your email address." })
    .trim()
    .toLowerCase()
    .min(1, { message: "Enter your email address." })
    .max(254, { message: "That email address is too long." })
    .pipe(z.email({ message: "Enter a valid email address, like ada@example.com." })),
  callbackUrl: z.string().max(2048).optional(),
});

export type SignInInput = z.infer<typeof signInSchema>;
