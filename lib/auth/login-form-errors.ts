// What the login page says when a native post of its form was refused: by code, so no text is reflected from the URL.
const MESSAGES: Record<string, string> = {
  VALIDATION_FAILED: "Enter a valid email address, like ada@example.com.",
  RATE_LIMITED: "Too many sign-in links were requested. Please wait a few minutes and try again.",
  EMAIL_DELIVERY_FAILED: "We could not send the sign-in email right now. Please try again.",
  CROSS_ORIGIN: "This request must come from the Spawner site itself.",
  PAYLOAD_TOO_LARGE: "That was too long for an email address.",
};

export function loginFormError(code: string | undefined): string | undefined {
  if (!code) return undefined;
  return MESSAGES[code] ?? "Something went wrong. Please try again.";
}
