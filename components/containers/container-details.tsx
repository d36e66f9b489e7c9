import { ExternalLink } from "lucide-react";
import { formatTime } from "@/components/containers/format";
import type { ContainerDetails as Details } from "@/lib/containers/get-user-container";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="shrink-0 text-muted-foreground sm:w-28">{label}</dt>
      <dd className="min-w-0 break-all">{children}</dd>
    </div>
  );
}

/** What the container is made of and when it was used; the service URL is a link only while it runs. */
export function ContainerDetails({ container }: { container: Details }) {
  return (
    <dl className="flex flex-col gap-2 text-sm" data-testid="container-details">
      <Row label="Image">
        <code className="font-mono text-xs">{container.image ?? "Unknown"}</code>
      </Row>
      {container.name && (
        <Row label="Name">
          <code className="font-mono text-xs">{container.name}</code>
        </Row>
      )}
      <Row label="Created">{formatTime(container.created_at)}</Row>
      <Row label="Last used">{formatTime(container.last_used)}</Row>
      <Row label="Service URL">
        {container.status === "running" && container.service_url ? (
          <a
            href={container.service_url}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex items-center gap-1 text-primary underline underline-offset-4"
            data-testid="service-url"
          >
            {container.service_url}
            <ExternalLink className="size-3.5 shrink-0" aria-hidden />
          </a>
        ) : (
          <span className="text-muted-foreground">Available while the container runs</span>
        )}
      </Row>
    </dl>
  );
}
