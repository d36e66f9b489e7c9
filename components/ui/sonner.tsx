"use client";

import { Toaster as Sonner, type ToasterProps } from "sonner";

/** Notices in the corner of the screen; call toast() from sonner anywhere on the client. */
export function Toaster(props: ToasterProps) {
  return <Sonner className="toaster group" richColors closeButton {...props} />;
}
