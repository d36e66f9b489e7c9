"use client";

import { ConfirmActionDialog } from "@/components/admin/confirm-action-dialog";

/**
 * One container verb behind a confirmation. A protected container (the app, Traefik) asks for its name typed, as the
 * server does; `forceLabel` adds a "force" box (remove a running container).
 */
export function ContainerActionDialog({
  verb,
  title,
  description,
  name,
  mustType,
  destructive = false,
  forceLabel,
  disabled,
  onConfirm,
}: {
  verb: string;
  title: string;
  description: string;
  name: string;
  mustType: boolean;
  destructive?: boolean;
  forceLabel?: string;
  disabled: boolean;
  onConfirm: (typed: string, force: boolean) => void;
}) {
  return (
    <ConfirmActionDialog
      verb={verb}
      title={title}
      description={description}
      name={name}
      mustType={mustType}
      typeReason="This is part of the platform itself."
      option={forceLabel ? { label: forceLabel } : undefined}
      destructive={destructive}
      disabled={disabled}
      testId="container-action-dialog"
      onConfirm={({ typed, checked }) => onConfirm(typed, checked)}
    />
  );
}
