"use client";

import { ConfirmEngineAction } from "@/components/admin/engine/system/confirm-engine-action";
import type { NetworkView } from "@/lib/engine/networks/network-view";

/** Remove one network; protected ones and those with containers are refused by the server, so the button says why. */
export function RemoveNetworkButton({
  network,
}: {
  network: Pick<NetworkView, "id" | "name" | "containers" | "protected">;
}) {
  const reason =
    network.protected ??
    (network.containers.length > 0 ? `Attached: ${network.containers.join(", ")}.` : undefined);
  return (
    <ConfirmEngineAction
      label="Remove"
      title={`Remove network ${network.name}?`}
      description="Containers can no longer be attached to it."
      request={() => ({ method: "DELETE", path: `/api/v1/admin/engine/networks/${network.id}` })}
      disabled={reason !== undefined}
      disabledReason={reason}
      testId="remove-network"
    />
  );
}
