import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { type AppServer, startAppServer } from "../support/app-server";
import { createTestDatabase } from "../support/database";
import { type GitServer, startGitServer } from "../support/git-server";
import { E2E } from "../support/prefixes";
import { startSmtpCapture } from "../support/smtp-capture";
import { buildTestImage, docker, removeLabelled, removeNetwork } from "../support/test-image";

const E2E_PREFIX = E2E;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    mailDir: string;
    /** The app's database, for tests that set up what no page does (an admin) or check what a page recorded. */
    databaseUrl: string;
    /** The e2e git server's repositories as workspaces reach them, and the private one's token. */
    gitPublicUrl: string;
    gitPrivateUrl: string;
    gitToken: string;
  }
}

// Workspaces clone their repositories with this image; npm test builds it (scripts/templates-build.sh).
const GIT_HELPER_IMAGE = "spawner-git:latest";

function assertGitHelperImage(): void {
  try {
    docker("image", "inspect", GIT_HELPER_IMAGE);
  } catch {
    throw new Error(
      `The git helper image ${GIT_HELPER_IMAGE} is missing: build it with npm run templates:build (npm test does).`,
    );
  }
}

// One app server for the e2e run: a fresh database, real SMTP capture, local ingress, and a git server on the
// workspaces' network.
export default async function setup(project: TestProject) {
  assertGitHelperImage();
  const { url: databaseUrl, dir } = createTestDatabase("e2e");
  const mailDir = path.join(dir, "mail");
  mkdirSync(mailDir);
  const image = buildTestImage();
  removeLabelled(E2E_PREFIX);
  const smtp = await startSmtpCapture(mailDir);
  let git: GitServer | undefined;
  let app: AppServer | undefined;
  try {
    git = startGitServer({ network: E2E_PREFIX, image, name: `${E2E_PREFIX}-gitserver` });
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
      GIT_HELPER_IMAGE,
      // The test git server speaks plain http on a closed network.
      GIT_ALLOW_HTTP: "true",
    });
  } catch (error) {
    await smtp.close();
    git?.stop();
    throw error;
  }
  project.provide("baseUrl", app.url);
  project.provide("mailDir", mailDir);
  project.provide("databaseUrl", databaseUrl);
  project.provide("gitPublicUrl", git.publicUrl);
  project.provide("gitPrivateUrl", git.privateUrl);
  project.provide("gitToken", git.token);
  return async () => {
    await app?.stop();
    await smtp.close();
    removeLabelled(E2E_PREFIX);
    git?.stop();
    removeNetwork(E2E_PREFIX);
    if (process.env.E2E_KEEP) console.log(app?.output());
    rmSync(dir, { recursive: true, force: true });
  };
}
