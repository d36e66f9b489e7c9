// Use case: Traefik asks whether this request may reach the container it addresses.
import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { type Decision, decideForwardAuth, targetFromForwardedUri } from "@/lib/forward-auth/decide";

export async function checkForwardAuth(input: {
  caller: SessionUser | null;
  forwardedUri: string | null;
  expectedOwnerId: string | null;
}): Promise<Decision> {
  const target = targetFromForwardedUri(input.forwardedUri);
  const owner = target
    ? await getDb().user.findUnique({ where: { slug: target.slug }, select: { id: true } })
    : null;
  return decideForwardAuth({
    caller: input.caller ? { id: input.caller.id, role: input.caller.role } : null,
    targetOwnerId: owner?.id ?? null,
    expectedOwnerId: input.expectedOwnerId,
  });
}
