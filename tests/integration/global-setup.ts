import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import {
  buildTestImage,
  removeLabelled,
  removeNetwork,
  TEST_IMAGE_WITHOUT_DATA,
} from "../support/test-image";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    authSecret: string;
    testImage: string;
  }
}

export const INTEGRATION_PREFIX = IT;

/** The git helper clones workspace repositories; npm test builds it (scripts/images/build-local.sh) before vitest. */
export function requireGitHelperImage(): void {
  const image = process.env.GIT_HELPER_IMAGE ?? "spawner-git:latest";
  if (spawnSync("docker", ["image", "inspect", image], { stdio: "ignore" }).status !== 0)
    throw new Error(
      `The git helper image ${image} is not built: run \`npm run templates:build\` (npm test does).`,
    );
}

export default function setup(project: TestProject) {
  requireGitHelperImage();
  const { url, dir } = createTestDatabase("integration");
  removeLabelled(INTEGRATION_PREFIX);
  project.provide("databaseUrl", url);
  project.provide("authSecret", randomBytes(32).toString("hex"));
  project.provide("testImage", buildTestImage());
  buildTestImage(TEST_IMAGE_WITHOUT_DATA, { dataFolder: false });
  return () => {
    removeLabelled(INTEGRATION_PREFIX);
    removeNetwork(INTEGRATION_PREFIX);
    rmSync(dir, { recursive: true, force: true });
  };
}
