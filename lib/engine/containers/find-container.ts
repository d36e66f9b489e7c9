// One container on the engine by id (full or short) or name, inspected: 404 ENGINE_OBJECT_NOT_FOUND when the engine
// knows none. What every container use case starts from.
import "server-only";
import { engineCall } from "@/lib/engine/engine-call";
import { type ContainerFacts, containerProtection, type Protection } from "@/lib/engine/self";
import { getDocker } from "@/lib/runtime/docker/client";

export type InspectedContainer = Awaited<
  ReturnType<ReturnType<ReturnType<typeof getDocker>["getContainer"]>["inspect"]>
>;

export type FoundContainer = {
  inspected: InspectedContainer;
  facts: ContainerFacts;
  protection: Protection;
};

export async function findContainer(ref: string): Promise<FoundContainer> {
  const inspected = await engineCall(
    "inspect the container",
    (opts) => getDocker().getContainer(ref).inspect(opts),
    {
      what: `container ${ref}`,
    },
  );
  const facts: ContainerFacts = {
    id: inspected.Id,
    name: inspected.Name.replace(/^\//, ""),
    image: inspected.Config.Image,
    labels: inspected.Config.Labels ?? {},
  };
  return { inspected, facts, protection: containerProtection(facts) };
}
