// Mail scanners open links; our links lead to a confirmation page, never straight to the token check.
export const CONFIRM_PATH = "/login/confirm";

/** Turns Auth.js's callback URL into the confirmation page URL with the same token, email and callbackUrl. */
export function confirmationUrl(authCallbackUrl: string): string {
  const url = new URL(authCallbackUrl);
  const confirm = new URL(CONFIRM_PATH, url.origin);
  for (const name of ["token", "email", "callbackUrl"]) {
    const value = url.searchParams.get(name);
    if (value !== null) confirm.searchParams.set(name, value);
  }
  return confirm.toString();
}
