import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../support/database";
import { IT } from "../support/prefixes";
import { buildTestImage, removeLabelled, removeNetwork } from "../support/test-image";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    authSecret: string;
    testImage: string;
  }
}

export const INTEGRATION_PREFIX = IT;

export default function setup(project: TestProject) {
  const { url, dir } = createTestDatabase("integration");
  removeLabelled(INTEGRATION_PREFIX);
  project.provide("databaseUrl", url);
  project.provide("authSecret", randomBytes(32).toString("hex"));
  project.provide("testImage", buildTestImage());
  return () => {
    removeLabelled(INTEGRATION_PREFIX);
    removeNetwork(INTEGRATION_PREFIX);
    rmSync(dir, { recursive: true, force: true });
  };
}
