// A tab for a service: opened during the click (so popup blockers allow it), pointed at the service once it runs.

export function openBlankTab(): Window | null {
  return window.open("", "_blank");
}

/** Sends the tab to the service, or closes it when there is nowhere to go. */
export function pointTab(tab: Window | null, url: string | null): void {
  if (!tab) return;
  if (!url) {
    tab.close();
    return;
  }
  // The service must not script the dashboard that opened it.
  tab.opener = null;
  tab.location.href = url;
}
