// Writes a new workspace row with its derived names. The unique (owner, name) index decides races between two
// creations; a route key someone else's workspace already spells gets a random suffix instead (names.ts).
import "server-only";
import { Prisma } from "@prisma/client";
import { transaction } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { alternateHostKey, hostKeyFor } from "@/lib/ingress/workspace-host";
import { assertWorkspaceQuota } from "@/lib/resources/workspace-quota";
import { forgetWorkspace } from "@/lib/workspace-auth/access-cache";
import {
  alternateRouteKey,
  newWorkspaceId,
  routeKey,
  volumeName,
  workloadName,
} from "@/lib/workspaces/names";
import type { SealedSecret } from "@/lib/workspaces/secrets";
import { serializeSettings, type WorkspaceSettings } from "@/lib/workspaces/settings";
import { type WorkspaceRecord, workspaceInclude } from "@/lib/workspaces/workspace-store";

export type NewWorkspace = {
  id?: string;
  owner: { id: string; slug: string };
  name: string;
  displayName: string;
  templateId: string;
  settings: WorkspaceSettings;
  secrets?: SealedSecret[];
  /** A kept volume to use instead of a new one. */
  volumeName?: string;
};

type UniqueMeta = {
  target?: unknown;
  driverAdapterError?: { cause?: { constraint?: { fields?: unknown } } };
};

/** The fields of the unique index a write ran into ("" for other errors); driver adapters report them apart. */
const uniqueTarget = (error: unknown): string => {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return "";
  const meta = error.meta as UniqueMeta | undefined;
  return String(meta?.target ?? meta?.driverAdapterError?.cause?.constraint?.fields ?? "");
};

export function nameTaken(name: string): AppError {
  return new AppError("NAME_TAKEN", `You already have a workspace named "${name}".`, {
    fields: { name: ["You already have a workspace with this name."] },
  });
}

/** Writes the row, within the owner's workspace quota (QUOTA_EXCEEDED, and nothing written, beyond it). */
export function insertWorkspace(
  input: NewWorkspace,
  tx?: Prisma.TransactionClient,
): Promise<WorkspaceRecord> {
  const checked = async (client: Prisma.TransactionClient) => {
    const row = await insertRow(input, client);
    await assertWorkspaceQuota(client, input.owner.id);
    // A key looked up before it existed is no longer "not found".
    forgetWorkspace(row.id);
    return row;
  };
  return tx ? checked(tx) : transaction(checked);
}

async function insertRow(input: NewWorkspace, tx: Prisma.TransactionClient): Promise<WorkspaceRecord> {
  const id = input.id ?? newWorkspaceId();
  const names = { slug: input.owner.slug, name: input.name, id };
  let key = routeKey(input.owner.slug, input.name);
  let hostKey = hostKeyFor(key);
  for (let attempt = 0; ; attempt++) {
    try {
      const created = await tx.workspace.create({
        data: {
          id,
          ownerId: input.owner.id,
          name: input.name,
          displayName: input.displayName,
          templateId: input.templateId,
          settings: serializeSettings(input.settings),
          routeKey: key,
          hostKey,
          workloadName: workloadName(names),
          volumeName: input.volumeName ?? volumeName(names),
          secrets: input.secrets?.length ? { create: input.secrets } : undefined,
        },
        include: workspaceInclude,
      });
      return created;
    } catch (error) {
      const target = uniqueTarget(error);
      if (attempt < 4 && target.includes("routeKey")) {
        key = alternateRouteKey(input.owner.slug, input.name);
        hostKey = hostKeyFor(key);
        continue;
      }
      if (attempt < 4 && target.includes("hostKey")) {
        hostKey = alternateHostKey(key);
        continue;
      }
      if (target.includes("name") || target.includes("ownerId")) throw nameTaken(input.name);
      throw error;
    }
  }
}
