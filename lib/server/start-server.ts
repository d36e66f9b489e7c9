// Server start-up: bad settings stop the process here, naming the variable.
import { EnvError, getEnv } from "@/lib/env";

export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[spawner] ${error.message}`);
    process.exit(1);
  }
}
