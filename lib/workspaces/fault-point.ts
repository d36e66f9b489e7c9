// Test hook: with TEST_FAULT_POINT naming this step, a launch logs a marker and stops here (or pauses for
// TEST_FAULT_DELAY_MS), so crash and shutdown tests act at an exact step instead of by luck. Unset: a no-op.
import "server-only";
import { type FaultPoint, getEnv } from "@/lib/env";

export async function faultPoint(point: FaultPoint): Promise<void> {
  const env = getEnv();
  if (env.TEST_FAULT_POINT !== point) return;
  const delay = env.TEST_FAULT_DELAY_MS;
  console.info(`[fault] reached ${point}`);
  // No delay: never resolve; the test kills the process here.
  await new Promise<void>((resolve) => {
    if (delay !== undefined) setTimeout(resolve, delay);
  });
}
