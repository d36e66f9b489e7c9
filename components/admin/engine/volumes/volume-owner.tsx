import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { VolumeOwner } from "@/lib/engine/volumes/volume-view";

/** Whose data a volume is, linked to where it is managed. */
export function VolumeOwnerCell({ owner }: { owner: VolumeOwner | null }) {
  if (!owner) return <span className="text-muted-foreground">—</span>;
  switch (owner.kind) {
    case "workspace":
      return (
        <Link
          className="underline underline-offset-2"
          href={`/admin/workspaces?owner=${encodeURIComponent(owner.owner_email)}&name=${encodeURIComponent(owner.workspace_name)}`}
        >
          {owner.workspace_name} · {owner.owner_email}
        </Link>
      );
    case "kept":
      return (
        <span>
          <Badge variant="outline">kept</Badge> {owner.workspace_name} · {owner.owner_email}
        </span>
      );
    case "orphan":
      return (
        <Link className="underline underline-offset-2" href="/admin/orphans">
          orphaned workspace data
        </Link>
      );
    case "app":
      return <Badge variant="outline">Spawner itself</Badge>;
    case "label":
      return <Badge variant="outline">protected</Badge>;
  }
}
