"use client";

import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { ContainerControls } from "@/components/containers/container-controls";
import { formatTime } from "@/components/containers/format";
import { StatusBadge } from "@/components/containers/status-badge";
import { useContainerControls } from "@/components/containers/use-container-controls";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ContainerView } from "@/lib/containers/container-view";

// A client component: its badge shows "Starting" as soon as the launch is clicked.
export function ContainerCard({ container }: { container: ContainerView }) {
  const controls = useContainerControls(container);
  return (
    <Card data-testid={`container-card-${container.type}`}>
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <CardTitle>{container.display_name}</CardTitle>
          <CardDescription>{container.description}</CardDescription>
        </div>
        <StatusBadge status={controls.status} />
      </CardHeader>
      <CardContent className="mt-auto">
        <div className="flex items-center justify-between gap-4 text-sm">
          <p className="text-muted-foreground">Last used: {formatTime(container.last_used)}</p>
          <Link
            href={`/containers/${container.type}`}
            className="inline-flex shrink-0 items-center gap-0.5 font-medium underline-offset-4 hover:underline"
          >
            Details <ChevronRight className="size-4" aria-hidden />
          </Link>
        </div>
        <ContainerControls container={container} controls={controls} />
      </CardContent>
    </Card>
  );
}
