import { Greeting } from "@/components/greeting";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

// The slug and type come from the container's env, read per request (React escapes them).
export const dynamic = "force-dynamic";

export default function Home() {
  const slug = process.env.USER_SLUG ?? "unknown";
  const type = process.env.CONTAINER_TYPE ?? "prod";
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle>
            Hello from {slug}-{type}
          </CardTitle>
          <CardDescription>
            This is your Spawner {type} container, a Next.js production server.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="font-medium">User</dt>
            <dd className="font-mono" data-testid="slug">
              {slug}
            </dd>
            <dt className="font-medium">Type</dt>
            <dd className="font-mono" data-testid="type">
              {type}
            </dd>
          </dl>
          <Greeting slug={slug} />
        </CardContent>
      </Card>
    </main>
  );
}
