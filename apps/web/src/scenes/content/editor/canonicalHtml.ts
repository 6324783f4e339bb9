/**
 * The editor's HTML written the way the server's sanitiser (apps/server content-sanitiser.ts, sanitize-html) writes
 * it back, so what an official saves is stored byte for byte: void elements as `<br />` and `<hr />`, a no-break
 * space as the character rather than `&nbsp;`, and an empty document as "" rather than one empty paragraph.
 * Only serialisation differs; no tag or attribute is added or dropped here — the sanitiser stays the boundary.
 */
export function canonicalHtml(html: string): string {
  if (html === "<p></p>") return "";
  return html.replace(/<(br|hr)>/g, "<$1 />").replace(/&nbsp;/g, "\u00a0");
}

/**
 * Tags the editor's toolbar cannot represent (it would drop them on load): text holding any of them is edited as
 * HTML source instead, so an older notice with a table is never silently cut down.
 */
export function needsSourceMode(html: string): boolean {
  return /<(table|thead|tbody|tr|th|td|sub|sup)\b/i.test(html);
}
