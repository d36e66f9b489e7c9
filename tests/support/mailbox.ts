// Reads what the SMTP capture server received, waiting for a mail to arrive.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { CapturedMail } from "./smtp-capture";

export function mailsTo(mailDir: string, address: string): CapturedMail[] {
  return readdirSync(mailDir)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(mailDir, file), "utf8")) as CapturedMail)
    .filter((mail) => mail.to.includes(address.toLowerCase()));
}

/** Waits for the n-th mail to an address and returns the sign-in link in it (quoted-printable undone). */
export async function waitForMagicLink(
  mailDir: string,
  address: string,
  nth = 1,
  timeoutMs = 15_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mail = mailsTo(mailDir, address)[nth - 1];
    if (mail) {
      const text = mail.raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");
      const link = text.match(/https?:\/\/[^\s"<>]+\/login\/confirm\?[^\s"<>]+/)?.[0];
      if (!link) throw new Error(`mail to ${address} has no sign-in link`);
      return link.replace(/&amp;/g, "&");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail #${nth} to ${address} within ${timeoutMs} ms`);
}
