// Runs before each integration file's imports, so lib/env sees the test database and our own label prefix.
import { inject } from "vitest";
import { IT } from "../support/prefixes";

export const testSettings = {
  DATABASE_URL: inject("databaseUrl"),
  AUTH_SECRET: inject("authSecret"),
  ADMIN_EMAILS: "",
  LABEL_PREFIX: IT,
  CONTAINER_NETWORK: IT,
  USER_TEMPLATE_IMAGE_DEV: inject("testImage"),
  // Deliberately missing: the prod slot proves the missing-image path.
  USER_TEMPLATE_IMAGE_PROD: "spawner-missing-image:never",
  // The IDE template with the test image: two apps, the primary with a health path (the image answers /healthz).
  USER_TEMPLATE_IMAGE_IDE: inject("testImage"),
  CONTAINER_MEMORY: "64m",
  CONTAINER_CPUS: "0.5",
  CONTAINER_PIDS_LIMIT: "64",
  INGRESS: "local",
  // The test git server speaks plain http on the workspace network (tests/support/git-server.ts).
  GIT_ALLOW_HTTP: "true",
  // Every test file calls from 127.0.0.1, most without a session: the per-address limit is tested on a server of its
  // own (tests/integration/rate-limit.test.ts), with the defaults.
  API_RATE_LIMIT_ANONYMOUS: "10000",
  // The tests stand in for the one proxy: each names its client in X-Forwarded-For (to vary or check addresses).
  TRUSTED_PROXY_HOPS: "1",
};

Object.assign(process.env, testSettings);
