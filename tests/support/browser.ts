// One Chromium per test file (the launcher itself is tests/support/chromium.ts).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./chromium";

export { CHROMIUM_PATH, launchBrowser } from "./chromium";

/** One Chromium per test file: launched before its tests, closed after. Call the result inside tests. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is not launched yet");
    return browser;
  };
}
