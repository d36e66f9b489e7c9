// Validates settings before start-up; prints every bad variable by name and exits 1.
import { EnvError, parseEnv } from "../lib/env";

try {
  parseEnv(process.env);
} catch (error) {
  if (!(error instanceof EnvError)) throw error;
  console.error(`[spawner] ${error.message}`);
  process.exit(1);
}
