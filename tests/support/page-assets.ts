// Reads a page the way a browser would load it: the text it shows and every same-origin URL it references.

/** The page's text without tags or the comments React puts between text parts. */
export function shownText(html: string): string {
  return html
    .replace(/<!--.*?-->/gs, "")
    .replace(/<(script|style)\b.*?<\/\1>/gis, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");
}

/** Every same-origin src/href of the page, resolved against its <base href> (if any) like a browser does. */
export function pageReferences(html: string, pageUrl: string): URL[] {
  const baseHref = html.match(/<base\s[^>]*href="([^"]*)"/i)?.[1];
  const base = new URL(baseHref ? unescapeAttribute(baseHref) : pageUrl, pageUrl);
  const withoutBase = html.replace(/<base\s[^>]*>/gi, "");
  const urls = [...withoutBase.matchAll(/\s(?:src|href)="([^"#][^"]*)"/gi)].map(
    (match) => new URL(unescapeAttribute(match[1] ?? ""), base),
  );
  const origin = new URL(pageUrl).origin;
  const unique = new Map(urls.filter((url) => url.origin === origin).map((url) => [url.href, url]));
  return [...unique.values()];
}

function unescapeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}
