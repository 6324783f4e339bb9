/**
 * Published rich text. The server keeps only its allow-list (no scripts, event handlers, styles or javascript:
 * links; content-sanitiser.ts) before it stores the text, so what it sends back is safe to render as HTML.
 */
export function RichText({ html }: { html: string }) {
  return <div className="rich-text" data-content dangerouslySetInnerHTML={{ __html: html }} />;
}
