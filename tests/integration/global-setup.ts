import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../support/database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    authSecret: string;
  }
}

export default function setup(project: TestProject) {
  const { url, dir } = createTestDatabase("integration");
  project.provide("databaseUrl", url);
  project.provide("authSecret", randomBytes(32).toString("hex"));
  return () => rmSync(dir, { recursive: true, force: true });
}
