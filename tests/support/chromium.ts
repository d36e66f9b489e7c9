// Debian's Chromium driven by playwright-core (Playwright's own browser download can't run here). Apart from
// browser.ts so the benchmark, which runs outside Vitest, launches it the same way.
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** extraArgs: more Chromium switches (a test proxy's --host-resolver-rules, say). */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-quic",
      "--no-first-run",
      ...extraArgs,
    ],
  });
}
