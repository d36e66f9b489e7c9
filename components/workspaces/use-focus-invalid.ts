"use client";

import { type RefObject, useEffect } from "react";

/** After a submit that failed, the first field marked invalid gets the focus (and scrolls into view). */
export function useFocusInvalid(form: RefObject<HTMLElement | null>, failures: number) {
  useEffect(() => {
    if (failures === 0) return;
    const first = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else
      form.current
        ?.querySelector<HTMLElement>('[data-testid="form-error"]')
        ?.scrollIntoView({ block: "nearest" });
  }, [form, failures]);
}
