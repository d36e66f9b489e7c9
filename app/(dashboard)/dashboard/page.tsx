import type { Metadata } from "next";
import { ContainerCard } from "@/components/containers/container-card";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { requireUserOrRedirect } from "@/lib/auth/session";
import type { ContainerView } from "@/lib/containers/container-view";
import { listUserContainers } from "@/lib/containers/list-user-containers";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  // Layouts don't re-run on every navigation, so the page checks identity itself too.
  const user = await requireUserOrRedirect("/dashboard");
  let containers: ContainerView[] = [];
  let problem: string | null = null;
  try {
    containers = await listUserContainers({ owner: user });
  } catch (error) {
    problem =
      error instanceof AppError
        ? error.message
        : "Your containers could not be loaded. Please reload the page.";
  }
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Your containers</h1>
        <p className="text-muted-foreground" data-testid="welcome">
          Signed in as {user.email} ({user.slug}).
        </p>
      </div>
      {problem ? (
        <Alert variant="destructive">
          <AlertTitle className="col-start-1">Containers unavailable</AlertTitle>
          <AlertDescription className="col-start-1">{problem}</AlertDescription>
        </Alert>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {containers.map((container) => (
            <ContainerCard key={container.type} container={container} />
          ))}
        </div>
      )}
    </div>
  );
}
