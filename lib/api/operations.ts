// Every operation the API documents, in the order the reference shows them. A route under app/api/v1/ without one
// here fails tests/unit/openapi.test.ts.
import type { Operation } from "@/lib/api/operation";
import { seedOperations } from "@/lib/api/seed";
import { adminAuditOperations } from "@/lib/api/v1/admin-audit";
import { adminDefaultsOperations } from "@/lib/api/v1/admin-defaults";
import { adminEngineContainerOperations } from "@/lib/api/v1/admin-engine-containers";
import { adminEngineImageOperations } from "@/lib/api/v1/admin-engine-images";
import { adminEngineNetworkOperations } from "@/lib/api/v1/admin-engine-networks";
import { adminEngineStackOperations } from "@/lib/api/v1/admin-engine-stacks";
import { adminEngineSystemOperations } from "@/lib/api/v1/admin-engine-system";
import { adminEngineVolumeOperations } from "@/lib/api/v1/admin-engine-volumes";
import { adminNodeOperations } from "@/lib/api/v1/admin-nodes";
import { adminOrphanOperations } from "@/lib/api/v1/admin-orphans";
import { adminTemplateOperations } from "@/lib/api/v1/admin-templates";
import { adminUserOperations } from "@/lib/api/v1/admin-users";
import { adminWorkspaceOperations } from "@/lib/api/v1/admin-workspaces";
import { healthOperations } from "@/lib/api/v1/health";
import { openApiOperations } from "@/lib/api/v1/openapi";
import { statsHistoryOperations } from "@/lib/api/v1/stats-history";
import { workspaceOperations } from "@/lib/api/v1/workspaces";

export const operations: Operation[] = [
  ...workspaceOperations,
  ...statsHistoryOperations,
  ...healthOperations,
  ...adminWorkspaceOperations,
  ...adminUserOperations,
  ...adminOrphanOperations,
  ...adminNodeOperations,
  ...adminEngineSystemOperations,
  ...adminEngineContainerOperations,
  ...adminEngineImageOperations,
  ...adminEngineVolumeOperations,
  ...adminEngineNetworkOperations,
  ...adminEngineStackOperations,
  ...adminTemplateOperations,
  ...adminDefaultsOperations,
  ...adminAuditOperations,
  ...seedOperations,
  ...openApiOperations,
];
