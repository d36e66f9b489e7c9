// The templates of this process's settings.
import { getEnv } from "@/lib/env";
import { type ContainerType, type Template, templatesFrom } from "@/lib/templates/registry";

export function getTemplates(): Record<ContainerType, Template> {
  return templatesFrom(getEnv());
}
