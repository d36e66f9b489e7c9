import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase } from "../support/database";
import { E2E } from "../support/prefixes";
import { startSmtpCapture } from "../support/smtp-capture";
import { buildTestImage, removeLabelled, removeNetwork } from "../support/test-image";

const E2E_PREFIX = E2E;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
  }
}

// One app server for the e2e run: a fresh database, real SMTP capture, local ingress.
export default async function setup(project: TestProject) {
  const { url: databaseUrl, dir } = createTestDatabase("e2e");
  const mailDir = path.join(dir, "mail");
  mkdirSync(mailDir);
  const image = buildTestImage();
  removeLabelled(E2E_PREFIX);
  const smtp = await startSmtpCapture(mailDir);
  let app: AppServer | undefined;
  try {
    app = await startAppServer({
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      EMAIL_SERVER: `smtp://127.0.0.1:${smtp.port}`,
      EMAIL_FROM: "Spawner <spawner@test.example>",
      ADMIN_EMAILS: "",
      LABEL_PREFIX: E2E_PREFIX,
      CONTAINER_NETWORK: E2E_PREFIX,
      USER_TEMPLATE_IMAGE_DEV: image,
      USER_TEMPLATE_IMAGE_PROD: image,
      INGRESS: "local",
    });
  } catch (error) {
    await smtp.close();
    throw error;
  }
  project.provide("baseUrl", app.url);
  project.provide("mailDir", mailDir);
  return async () => {
    await app?.stop();
    await smtp.close();
    removeLabelled(E2E_PREFIX);
    removeNetwork(E2E_PREFIX);
    if (process.env.E2E_KEEP) console.log(app?.output());
    rmSync(dir, { recursive: true, force: true });
  };
}
