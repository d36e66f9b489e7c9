// Server start-up: bad settings stop the process here, naming the variable; then the reconciler starts.
import { EnvError, getEnv } from "@/lib/env";

export async function startServer(): Promise<void> {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    console.error(`[spawner] ${error.message}`);
    process.exit(1);
  }
  if (env.RECONCILER === "on") {
    const { startReconciler } = await import("@/lib/reconciler/reconciler");
    startReconciler();
  }
}
