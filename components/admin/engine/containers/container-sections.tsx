import Link from "next/link";
import { PortList } from "@/components/admin/engine/containers/port-list";
import { formatDate } from "@/components/admin/engine/system/format";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ContainerDetailsView } from "@/lib/engine/containers/container-view";

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-muted-foreground">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle className="text-base">{title}</CardTitle>
      </CardHeader>
      <CardContent className="overflow-x-auto">{children}</CardContent>
    </Card>
  );
}

const mono = (text: string) => <code className="font-mono text-xs">{text || "—"}</code>;

export function OverviewSection({ container: c }: { container: ContainerDetailsView }) {
  return (
    <Section title="Overview" testId="container-overview">
      <Facts
        rows={[
          ["Id", mono(c.id)],
          ["Image", mono(c.image)],
          ["Status", c.status],
          ["Command", mono([...c.entrypoint, ...c.command].join(" "))],
          ["Created", formatDate(c.created_at)],
          ["Started", formatDate(c.started_at)],
          ["Finished", formatDate(c.finished_at)],
          ["Exit code", c.exit_code ?? "—"],
          ["Restarts", `${c.restart_count} (policy ${c.restart_policy})`],
          [
            "Health",
            c.health ? `${c.health.status} (failing streak ${c.health.failing_streak})` : "no check",
          ],
          ["User, workdir", mono(`${c.user || "(image default)"} ${c.working_dir}`)],
          ["Ports", <PortList key="ports" ports={c.ports} />],
          [
            "Workspace",
            c.workspace ? (
              <Link key="ws" href={`/workspaces/${c.workspace.id}`} className="underline underline-offset-4">
                {c.workspace.name} of {c.workspace.owner_email}
              </Link>
            ) : c.managed ? (
              "this app's, but no workspace claims it (an orphan)"
            ) : (
              "not this app's"
            ),
          ],
          ...(c.error ? ([["Error", c.error]] as [string, string][]) : []),
        ]}
      />
    </Section>
  );
}

export function NetworksSection({ container }: { container: ContainerDetailsView }) {
  return (
    <Section title="Networks" testId="container-networks">
      <table className="w-full text-sm">
        <thead className="text-left text-xs text-muted-foreground">
          <tr>
            <th className="py-1 pr-4 font-medium">Network</th>
            <th className="py-1 pr-4 font-medium">IP</th>
            <th className="py-1 pr-4 font-medium">Gateway</th>
            <th className="py-1 font-medium">Aliases</th>
          </tr>
        </thead>
        <tbody className="divide-y font-mono text-xs">
          {container.networks.map((network) => (
            <tr key={network.name}>
              <td className="py-1 pr-4">{network.name}</td>
              <td className="py-1 pr-4">
                {[network.ip_address, network.ipv6_address].filter(Boolean).join(", ") || "—"}
              </td>
              <td className="py-1 pr-4">{network.gateway ?? "—"}</td>
              <td className="py-1">{network.aliases.join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function MountsSection({ container }: { container: ContainerDetailsView }) {
  return (
    <Section title="Mounts" testId="container-mounts">
      {container.mounts.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <ul className="flex flex-col gap-1 font-mono text-xs">
          {container.mounts.map((mount) => (
            <li key={mount.destination}>
              {mount.type} {mount.name ?? mount.source} → {mount.destination}
              {mount.read_only ? " (read-only)" : ""}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function EnvSection({ container }: { container: ContainerDetailsView }) {
  return (
    <Section title="Environment" testId="container-env">
      <ul className="flex flex-col gap-0.5 font-mono text-xs">
        {container.env.map((entry) => (
          <li key={entry.key} data-masked={entry.masked ? "true" : undefined}>
            <span className="font-semibold">{entry.key}</span>=
            {entry.value === null ? (
              <span className="text-muted-foreground" title="Hidden: the key looks like it holds a secret">
                (hidden)
              </span>
            ) : (
              entry.value
            )}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-muted-foreground">
        Values of keys that look secret (password, token, key, auth …) and URL passwords are never sent here.
      </p>
    </Section>
  );
}

export function LabelsSection({ container }: { container: ContainerDetailsView }) {
  const labels = Object.entries(container.labels).sort(([a], [b]) => a.localeCompare(b));
  return (
    <Section title="Labels" testId="container-labels">
      {labels.length === 0 ? (
        <p className="text-sm text-muted-foreground">None.</p>
      ) : (
        <ul className="flex flex-col gap-0.5 font-mono text-xs">
          {labels.map(([key, value]) => (
            <li key={key} className="break-all">
              <span className="font-semibold">{key}</span>={value}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
