// One test per claim of the README's "Security checks" and its sign-in promises, each checking exactly that claim
// against the built server: the 1 MB action-body limit, the CSP and HSTS headers, the 15-minute link life and
// SHA-256-only storage of sign-in tokens.
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { type AppServer, startAppServer } from "../support/app-server";
import { confirmLink, mailedLink, pageText, requestLink } from "../support/magic-link-http";
import { actionNamed, encodeArgs } from "../support/server-actions";
import { startSmtpCapture } from "../support/smtp-capture";
import { type TestUser, uniqueEmail, userWithSession } from "../support/users";
import { testSettings } from "./setup-env";

const db = getDb();
const mailDir = mkdtempSync(path.join(tmpdir(), "spawner-security-mail-"));
let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
let app: AppServer;
let user: TestUser;

beforeAll(async () => {
  smtp = await startSmtpCapture(mailDir);
  app = await startAppServer({
    ...testSettings,
    RECONCILER: "off",
    EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
    EMAIL_FROM: "Spawner <spawner@test.example>",
  });
  user = await userWithSession(db, uniqueEmail("security"));
});
afterAll(async () => {
  await app?.stop();
  await smtp?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

describe("server-action bodies over 1 MB get 413", () => {
  const MB = 1024 * 1024;
  const BOUNDARY = "----spawner-security-boundary";

  /** A valid argument list for launchSlotAction of exactly `bytes` bytes: ["aaa…"]. */
  const argsOfSize = (bytes: number) => encodeArgs(["a".repeat(bytes - 4)]);
  /** The same list as a multipart reply (field "0") of exactly `bytes` bytes. */
  const multipartOfSize = (bytes: number) => {
    const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n`;
    const tail = `\r\n--${BOUNDARY}--\r\n`;
    return `${head}${argsOfSize(bytes - head.length - tail.length)}${tail}`;
  };
  const TEXT = "text/plain;charset=UTF-8";
  const MULTIPART = `multipart/form-data; boundary=${BOUNDARY}`;

  /** The body in 64 KiB pieces with no length known up front: fetch sends it chunked, without Content-Length. */
  const streamOf = (body: string) => {
    const bytes = Buffer.from(body);
    let at = 0;
    return new ReadableStream<Uint8Array>({
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.subarray(at, at + 65_536));
        at += 65_536;
      },
    });
  };

  /** A fetch action POST to /dashboard as the signed-in user, with a declared length or chunked. */
  const postAction = async (baseUrl: string, body: string, contentType: string, chunked: boolean) => {
    const response = await fetch(`${baseUrl}/dashboard`, {
      method: "POST",
      headers: {
        "next-action": actionNamed("launchSlotAction").id,
        accept: "text/x-component",
        "content-type": contentType,
        cookie: user.cookie,
      },
      ...(chunked ? { body: streamOf(body), duplex: "half" } : { body }),
      redirect: "manual",
    } as RequestInit);
    return { status: response.status, text: await response.text() };
  };

  /** What the server receives for one of these requests: its length headers and the body's byte count. */
  const asReceived = async (body: string, chunked: boolean) => {
    let seen: { headers: IncomingHttpHeaders; bytes: number } | undefined;
    const recorder = createServer((request, response) => {
      let bytes = 0;
      request.on("data", (chunk: Buffer) => (bytes += chunk.length));
      request.on("end", () => {
        seen = { headers: request.headers, bytes };
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = recorder.address() as AddressInfo;
      await postAction(`http://127.0.0.1:${port}`, body, TEXT, chunked);
    } finally {
      await new Promise((resolve) => recorder.close(resolve));
    }
    return seen;
  };

  it("builds bodies of exactly the sizes it claims, declared or chunked", async () => {
    for (const bytes of [MB, MB + 1]) {
      expect(Buffer.byteLength(argsOfSize(bytes))).toBe(bytes);
      expect(Buffer.byteLength(multipartOfSize(bytes))).toBe(bytes);
    }
    const declared = await asReceived(argsOfSize(MB + 1), false);
    expect(declared?.headers["content-length"]).toBe(String(MB + 1));
    expect(declared?.bytes).toBe(MB + 1);
    const chunked = await asReceived(argsOfSize(MB + 1), true);
    expect(chunked?.headers["content-length"]).toBeUndefined();
    expect(chunked?.headers["transfer-encoding"]).toBe("chunked");
    expect(chunked?.bytes).toBe(MB + 1);
  });

  it.each([
    ["a JSON argument list, Content-Length declared", TEXT, false],
    ["a JSON argument list, chunked without Content-Length", TEXT, true],
    ["a multipart reply, Content-Length declared", MULTIPART, false],
    ["a multipart reply, chunked without Content-Length", MULTIPART, true],
  ] as const)(
    "answers 1 MB + 1 byte of %s with 413 PAYLOAD_TOO_LARGE, and 1 MB with the action's own answer",
    async (_kind, contentType, chunked) => {
      const of = contentType === TEXT ? argsOfSize : multipartOfSize;
      const over = await postAction(app.url, of(MB + 1), contentType, chunked);
      expect(over.status).toBe(413);
      expect(JSON.parse(over.text)).toMatchObject({
        error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) },
      });

      // Exactly at the limit the request reaches the action, whose use case refuses "aaa…" as a container type.
      const at = await postAction(app.url, of(MB), contentType, chunked);
      expect(at.status).toBe(200);
      expect(at.text).not.toContain("PAYLOAD_TOO_LARGE");
      expect(at.text).toMatch(/"ok":false,"error":\{"code":"INVALID_CONTAINER_TYPE"/);
    },
  );
});

describe("Content-Security-Policy and HSTS", () => {
  const directives = (csp: string | null) =>
    new Map(
      (csp ?? "")
        .split(";")
        .map((part) => part.trim().split(/\s+/))
        .map(([name = "", ...values]) => [name, values.join(" ")]),
    );
  const NONCE = /^'self' 'nonce-([A-Za-z0-9+/=]+)' 'strict-dynamic'$/;

  it("gives each page load its own nonce, used on every script tag of that page", async () => {
    const loads = await Promise.all(
      [1, 2].map(async () => {
        const response = await fetch(`${app.url}/login`);
        expect(response.status).toBe(200);
        return { csp: response.headers.get("content-security-policy"), html: await response.text() };
      }),
    );
    const nonces = loads.map(({ csp, html }) => {
      const policy = directives(csp);
      expect(policy.get("script-src")).toMatch(NONCE);
      expect(policy.get("frame-ancestors")).toBe("'none'");
      expect(policy.get("object-src")).toBe("'none'");
      const nonce = NONCE.exec(policy.get("script-src") ?? "")?.[1] ?? "";
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      // Every script the page itself carries, inline or not, is allowed by this response's nonce.
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(1);
      expect(scripts.some((tag) => /\bsrc="\/_next\/static\//.test(tag))).toBe(true);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      return nonce;
    });
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it("sends HSTS when the request came over HTTPS, and not over plain HTTP", async () => {
    for (const page of ["/login", "/api/health"]) {
      const hsts = async (headers: Record<string, string>) =>
        (await fetch(`${app.url}${page}`, { headers })).headers.get("strict-transport-security");
      expect(await hsts({ "x-forwarded-proto": "https" }), page).toBe("max-age=63072000; includeSubDomains");
      expect(await hsts({}), page).toBeNull();
      expect(await hsts({ "x-forwarded-proto": "http" }), page).toBeNull();
    }
  });

  it("marks every response nosniff and not frameable, static assets included", async () => {
    const html = await (await fetch(`${app.url}/login`)).text();
    const asset = /\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    for (const target of [asset, "/login", "/api/health"]) {
      const response = await fetch(`${app.url}${target}`);
      expect(response.headers.get("x-content-type-options"), target).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), target).toBe("DENY");
      if (target === asset) {
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/javascript/);
      }
      await response.body?.cancel();
    }
  });
});

describe("sign-in links", () => {
  const LINK_PROBLEM = "This sign-in link no longer works";
  const MINUTE = 60_000;

  /** Asks for a link and returns it with its database row (the only one for a fresh address). */
  const freshLink = async (name: string) => {
    const email = uniqueEmail(name);
    const before = Date.now();
    expect((await requestLink(app.url, email)).status).toBe(200);
    const after = Date.now();
    const link = await mailedLink(app.url, mailDir, email);
    const rows = await db.verificationToken.findMany({ where: { identifier: email } });
    expect(rows).toHaveLength(1);
    return { email, link, token: link.searchParams.get("token") ?? "", row: rows[0], before, after };
  };
  const moveExpiry = (email: string, expires: Date) =>
    db.verificationToken.updateMany({ where: { identifier: email }, data: { expires } });

  it("live 15 minutes from the request", async () => {
    const { row, before, after } = await freshLink("life");
    const expires = row?.expires.getTime() ?? 0;
    expect(expires).toBeGreaterThanOrEqual(before + 15 * MINUTE - 5000);
    expect(expires).toBeLessThanOrEqual(after + 15 * MINUTE + 5000);
  });

  it("are refused one second after they expire", async () => {
    const { email, link } = await freshLink("expired");
    expect((await moveExpiry(email, new Date(Date.now() - 1000))).count).toBe(1);
    expect(await pageText(link)).toContain(LINK_PROBLEM);
    const attempt = await confirmLink(app.url, link);
    expect(attempt.sessionCookie).toBeUndefined();
    expect(await pageText(new URL(attempt.location, app.url))).toContain(LINK_PROBLEM);
  });

  it("still work one minute before they expire", async () => {
    const { email, link } = await freshLink("nearly");
    expect((await moveExpiry(email, new Date(Date.now() + MINUTE))).count).toBe(1);
    const page = await pageText(link);
    expect(page).not.toContain(LINK_PROBLEM);
    expect(page).toContain(`Sign in as ${email}`);
    const signedIn = await confirmLink(app.url, link);
    expect(signedIn.sessionCookie).toBeDefined();
    expect(signedIn.location).toBe(`${app.url}/dashboard`);
  });

  it("are stored only as SHA-256(token + AUTH_SECRET), never in the clear", async () => {
    const { token, row } = await freshLink("stored");
    expect(token).toMatch(/^[0-9a-f]{64}$/);
    // @auth/core hashes the mailed token this way before the adapter stores it:
    // node_modules/@auth/core/lib/actions/signin/send-token.js (createHash(`${token}${secret}`)) with createHash
    // in node_modules/@auth/core/lib/utils/web.js (SHA-256, lower-case hex); the callback looks it up the same way.
    const hashed = createHash("sha256").update(`${token}${testSettings.AUTH_SECRET}`).digest("hex");
    expect(row?.token).toBe(hashed);
    expect(row?.token).not.toContain(token);

    // The SQLite file and its write-ahead log, as bytes: the hash is in them (so the search sees the row), the
    // token is not, in any spelling a row could hold.
    const file = testSettings.DATABASE_URL.replace(/^file:/, "");
    const parts = [file, `${file}-wal`].filter((part) => existsSync(part));
    expect(parts).toContain(file);
    const bytes = Buffer.concat(parts.map((part) => readFileSync(part)));
    expect(bytes.includes(Buffer.from(hashed))).toBe(true);
    expect(bytes.includes(Buffer.from(token))).toBe(false);
    expect(bytes.includes(Buffer.from(token.toUpperCase()))).toBe(false);
    expect(bytes.includes(Buffer.from(token, "hex"))).toBe(false);
    expect(bytes.includes(Buffer.from(token, "utf16le"))).toBe(false);
  });
});
