/**
 * Renders server markup: matches wrapped in <em>, everything else already HTML-escaped by the server
 * (SearchHit.titleHighlight / snippet contract), so this is the one place raw HTML is used.
 */
export function Highlighted({ html, className }: { html: string; className?: string }) {
  // Safe: the server escapes all text and adds only <em>.
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
