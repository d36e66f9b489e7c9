import { Alert, AlertDescription } from "@/components/ui/alert";
import { AppError } from "@/lib/errors";

/** Runs a page's read; a failure becomes the message the page shows instead of its table. */
export async function loadOrProblem<T>(
  read: () => Promise<T>,
  what: string,
): Promise<{ data: T | null; problem: string | null }> {
  try {
    return { data: await read(), problem: null };
  } catch (error) {
    return {
      data: null,
      problem: error instanceof AppError ? error.message : `The ${what} could not be read. Please reload.`,
    };
  }
}

export function EngineProblem({ problem }: { problem: string | null }) {
  if (!problem) return null;
  return (
    <Alert variant="destructive">
      <AlertDescription>{problem}</AlertDescription>
    </Alert>
  );
}
