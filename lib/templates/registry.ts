// The template registry: what a user's dev and prod containers are made from.
import type { Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const CONTAINER_TYPES = ["dev", "prod"] as const;
export type ContainerType = (typeof CONTAINER_TYPES)[number];

export type Template = {
  type: ContainerType;
  displayName: string;
  description: string;
  image: string;
  port: number;
};

type TemplateSettings = Pick<
  Env,
  | "USER_TEMPLATE_IMAGE_DEV"
  | "USER_TEMPLATE_IMAGE_PROD"
  | "USER_TEMPLATE_PORT_DEV"
  | "USER_TEMPLATE_PORT_PROD"
>;

export function templatesFrom(env: TemplateSettings): Record<ContainerType, Template> {
  return {
    dev: {
      type: "dev",
      displayName: "Development",
      description: "A workspace to try things out. Restart or rebuild it whenever you like.",
      image: env.USER_TEMPLATE_IMAGE_DEV,
      port: env.USER_TEMPLATE_PORT_DEV,
    },
    prod: {
      type: "prod",
      displayName: "Production",
      description: "Your always-on service, built from the production template.",
      image: env.USER_TEMPLATE_IMAGE_PROD,
      port: env.USER_TEMPLATE_PORT_PROD,
    },
  };
}

export function isContainerType(value: unknown): value is ContainerType {
  return typeof value === "string" && (CONTAINER_TYPES as readonly string[]).includes(value);
}

/** Parses a container type from user input; anything else is a 400 that lists the valid ones. */
export function parseContainerType(value: unknown): ContainerType {
  if (isContainerType(value)) return value;
  throw new AppError(
    "INVALID_CONTAINER_TYPE",
    `Unknown container type. Use one of: ${CONTAINER_TYPES.join(", ")}.`,
  );
}
