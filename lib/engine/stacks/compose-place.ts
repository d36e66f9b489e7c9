// Where in a compose file something is, in the file's own terms: services.web.ports[0], networks.front.driver,
// services["my.app"].image. Array indexes come from the data itself, so a service named "0" is still a key.

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

/** A JSON pointer's segments ("/services/web/ports/0") read back to strings. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => segment.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The place the segments name in `data`: keys joined by dots, indexes of lists in brackets. */
export function placeOf(segments: (string | number)[], data: unknown): string {
  let place = "";
  let node = data;
  for (const segment of segments) {
    const key = String(segment);
    if (Array.isArray(node)) place += `[${key}]`;
    else if (PLAIN_KEY.test(key)) place += place === "" ? key : `.${key}`;
    else place += `[${JSON.stringify(key)}]`;
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return place;
}
