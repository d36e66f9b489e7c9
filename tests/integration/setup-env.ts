// Runs before each integration file's imports, so lib/env sees the test database.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET = inject("authSecret");
process.env.ADMIN_EMAILS = "";
