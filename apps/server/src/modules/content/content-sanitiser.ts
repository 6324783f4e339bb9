import sanitizeHtml from "sanitize-html";

/**
 * The one allow-list for published rich text, applied on the server before anything is stored: the web app renders
 * the stored HTML as is, so whatever passes here reaches every visitor. Only structure and links survive — no
 * scripts, no event handlers (on*), no style or class attributes, no iframes, forms or SVG, and links only to
 * http(s), mailto or the site's own paths (a javascript: or data: URL loses its href).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "hr",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["colspan", "rowspan"], td: ["colspan", "rowspan"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // a link opens away from the platform without handing it the opener
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs.href ? { ...attribs, rel: "noopener noreferrer" } : attribs,
    }),
  },
};

export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** The text of sanitised HTML, for search and excerpts (tags dropped, entities decoded, spaces collapsed). */
export function plainText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|li|h[2-4]|tr|blockquote)>|<br\s*\/?>/gi, "$& "), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
