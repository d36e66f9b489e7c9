"use client";

import { ContainerControls } from "@/components/containers/container-controls";
import { useContainerControls } from "@/components/containers/use-container-controls";
import type { ContainerView } from "@/lib/containers/container-view";

/** The container page's buttons: the page itself stays a server component. */
export function ContainerPageControls({ container }: { container: ContainerView }) {
  return <ContainerControls container={container} controls={useContainerControls(container)} />;
}
