// Auth.js may build redirects from the internal request origin (http://localhost:PORT); we only redirect
// within this app, so every Location it sets is pinned to APP_URL's origin.
export function pinRedirectToOrigin(location: string, appUrl: string): string {
  const target = new URL(location, appUrl);
  const app = new URL(appUrl);
  return new URL(`${target.pathname}${target.search}${target.hash}`, app.origin).toString();
}
