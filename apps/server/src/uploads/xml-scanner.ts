import { count, tooLarge } from "./bounded-entry.js";
import type { XmlHandlers } from "./bounded-xml.js";
import { ZipFormatError } from "./zip-directory.js";

const PREDEFINED = new Map([
  ["lt", "<"],
  ["gt", ">"],
  ["amp", "&"],
  ["quot", '"'],
  ["apos", "'"],
]);
const CHAR_REF = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/;
const LT = 60;
const SLASH = 47;
const GT = 62;

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;
/** Where an element or attribute name ends. */
const endsName = (c: number) => isSpace(c) || c === GT || c === SLASH || c === 61 /* = */;
/** The attributes of a tag that has none: one shared, frozen object instead of one per tag. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** Distinct names of one part kept for reuse (a sheet has a dozen; past this many, names are sliced anew). */
const MAX_NAMES = 64;

/**
 * A streaming XML tokenizer for the parts of a workbook (sheet, shared strings, workbook, relationships, styles) and
 * for CNIPA XML documents: the same element events as the SAX parser it replaced (saxes), found with indexOf instead
 * of a character-by-character state machine — a 100k-row sheet is ~200 MB of XML, and the SAX parse with its
 * garbage was a third of an XLSX import.
 * Fed decoded text chunk by chunk (a character split between inflated chunks is joined by the caller's streaming
 * decoder); a tag, an entity or a CR cut by a chunk's end waits for the next chunk. Well-formedness is checked as
 * far as the readers rely on it: names, quoted attributes, entities (the five predefined and character references;
 * any other is an error — nothing is expanded), matching end tags, one root, nothing left open at the end. A
 * DOCTYPE declaring entities is refused; a text or tag longer than `maxTokenChars` stops the read (TOO_LARGE), so
 * no more than that is ever held. Text is handed over in pieces (a long text node in several calls).
 */
export class XmlScanner {
  private buf = "";
  private readonly open: string[] = [];
  /** Characters of the text node being read, over all its pieces. */
  private textRun = 0;
  private rootSeen = false;
  private started = false;
  /**
   * The names met so far, each with its local part: a 100k-row sheet has ~12 M tags of a dozen names, and slicing a
   * new string for each name (and its local part, and the end tag's) was most of the garbage of reading it.
   */
  private readonly names: string[] = [];
  private readonly locals: string[] = [];
  /** Indexes of the names by length and first character. */
  private readonly byKey = new Map<number, number[]>();

  constructor(
    private readonly name: string,
    private readonly maxTokenChars: number,
    private readonly h: XmlHandlers,
  ) {}

  write(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.scan(false);
  }

  close(): void {
    this.scan(true);
    if (this.buf.length) throw this.cutOff();
    if (this.open.length) throw this.bad(`unclosed tag: ${this.open[this.open.length - 1]}`);
    if (!this.rootSeen) throw this.bad("the document has no root element");
  }

  /** The document ends inside markup or an element: said with the element left open (a file cut mid-element). */
  private cutOff(): ZipFormatError {
    const top = this.open[this.open.length - 1];
    return this.bad(`unexpected end of the document${top ? `, unclosed tag: ${top}` : ""}`);
  }

  private bad(message: string): ZipFormatError {
    return new ZipFormatError(`${this.name}: ${message}`);
  }

  private tooLong(): Error {
    const max = count(this.maxTokenChars);
    return tooLarge(
      `${this.name} 中有超过 ${max} 个字符的单个文本或标签`,
      `${this.name} has a text or tag over ${max} characters`,
    );
  }

  private scan(final: boolean): void {
    const b = this.buf;
    const n = b.length;
    let i = 0;
    while (i < n) {
      if (b.charCodeAt(i) !== LT) {
        const lt = b.indexOf("<", i);
        let end = lt < 0 ? n : lt;
        if (lt < 0 && !final) {
          // An entity or a CR (of a CRLF) cut by the chunk's end waits for the rest.
          const amp = b.lastIndexOf("&");
          if (amp >= i && b.indexOf(";", amp) < 0) end = amp;
          if (end > i && b.charCodeAt(end - 1) === 13) end--;
        }
        if (end > i) this.text(b.slice(i, end));
        i = end;
        if (lt < 0) break;
        this.textRun = 0;
        continue;
      }
      const next = this.markup(b, i, final);
      if (next < 0) break;
      this.textRun = 0;
      i = next;
    }
    this.buf = i < n ? b.slice(i) : "";
    if (this.buf.length > this.maxTokenChars) throw this.tooLong();
    if (final && this.buf.length) throw this.cutOff();
  }

  private text(raw: string): void {
    this.textRun += raw.length;
    if (this.textRun > this.maxTokenChars) throw this.tooLong();
    if (this.open.length === 0) {
      if (raw.trim() !== "") throw this.bad("text outside the root element");
      return;
    }
    if (raw.indexOf("\r") >= 0) raw = raw.replace(/\r\n?/g, "\n"); // XML end-of-line handling
    this.h.text(this.decode(raw));
  }

  private decode(s: string): string {
    let amp = s.indexOf("&");
    if (amp < 0) return s;
    let out = "";
    let last = 0;
    while (amp >= 0) {
      const semi = s.indexOf(";", amp + 1);
      if (semi < 0) throw this.bad("an entity without its ';'");
      const ref = s.slice(amp + 1, semi);
      let ch = PREDEFINED.get(ref);
      if (ch === undefined) {
        const m = CHAR_REF.exec(ref);
        const code = m ? Number.parseInt(m[1] ?? m[2], m[1] ? 16 : 10) : -1;
        if (!(code > 0 && code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
          throw this.bad(`undefined entity &${ref};`);
        ch = String.fromCodePoint(code);
      }
      out += s.slice(last, amp) + ch;
      last = semi + 1;
      amp = s.indexOf("&", last);
    }
    return out + s.slice(last);
  }

  /** The markup at `i` (a '<'): handled, and the index after it; -1 when it is not complete in `b` yet. */
  private markup(b: string, i: number, final: boolean): number {
    const c1 = b.charCodeAt(i + 1);
    if (Number.isNaN(c1)) return this.incomplete(final);
    if (c1 === SLASH) {
      const gt = b.indexOf(">", i + 2);
      if (gt < 0) return this.incomplete(final);
      const top = this.open.pop();
      let end = gt;
      while (end > i + 2 && isSpace(b.charCodeAt(end - 1))) end--;
      if (top === undefined || end - i - 2 !== top.length || !b.startsWith(top, i + 2)) {
        const qname = b.slice(i + 2, end);
        throw this.bad(top ? `</${qname}> closes <${top}>` : `</${qname}> closes nothing`);
      }
      this.h.close(this.locals[this.names.indexOf(top)] ?? top.slice(top.indexOf(":") + 1));
      return gt + 1;
    }
    if (c1 === 63 /* ? */) {
      const end = b.indexOf("?>", i + 2);
      return end < 0 ? this.incomplete(final) : end + 2;
    }
    if (c1 === 33 /* ! */) return this.declaration(b, i, final);
    return this.startTag(b, i, final);
  }

  /** The index of the name written at b[i, end) among those met so far (added when new). */
  private nameAt(b: string, i: number, end: number): number {
    const len = end - i;
    const names = this.names;
    const key = len * 65_536 + b.charCodeAt(i);
    const known = this.byKey.get(key);
    if (known !== undefined)
      for (let k = 0; k < known.length; k++) if (b.startsWith(names[known[k]], i)) return known[k];
    const name = b.slice(i, end);
    if (names.length >= MAX_NAMES) {
      names.length = 0;
      this.locals.length = 0;
      this.byKey.clear();
    }
    names.push(name);
    this.locals.push(name.slice(name.indexOf(":") + 1));
    const index = names.length - 1;
    const same = this.byKey.get(key);
    if (same) same.push(index);
    else this.byKey.set(key, [index]);
    return index;
  }

  private incomplete(final: boolean): number {
    if (final) throw this.cutOff();
    return -1;
  }

  /** Comments, CDATA (text, taken as written) and a DOCTYPE (refused when it declares entities, else skipped). */
  private declaration(b: string, i: number, final: boolean): number {
    const head = b.slice(i, i + 9);
    if (head.startsWith("<!--")) {
      const end = b.indexOf("-->", i + 4);
      return end < 0 ? this.incomplete(final) : end + 3;
    }
    if (head === "<![CDATA[") {
      const end = b.indexOf("]]>", i + 9);
      if (end < 0) return this.incomplete(final);
      if (this.open.length === 0) throw this.bad("CDATA outside the root element");
      if (end - i - 9 > this.maxTokenChars) throw this.tooLong();
      this.h.text(b.slice(i + 9, end));
      return end + 3;
    }
    if (head.length < 9 && "<![CDATA[".startsWith(head)) return this.incomplete(final);
    if (head.toUpperCase() === "<!DOCTYPE") {
      let depth = 0;
      let quote = 0;
      for (let j = i + 9; j < b.length; j++) {
        const c = b.charCodeAt(j);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 91 /* [ */) depth++;
        else if (c === 93 /* ] */) depth--;
        else if (c === GT && depth <= 0) {
          if (/<!ENTITY/i.test(b.slice(i, j))) throw this.bad("DOCTYPE declares entities (<!ENTITY>), refused");
          return j + 1;
        }
      }
      return this.incomplete(final);
    }
    if (head.length < 9 && !final) return -1;
    throw this.bad(`unexpected markup ${JSON.stringify(head)}`);
  }

  private startTag(b: string, i: number, final: boolean): number {
    const n = b.length;
    let j = i + 1;
    while (j < n && !endsName(b.charCodeAt(j))) j++;
    if (j >= n) return this.incomplete(final);
    if (j === i + 1 || b.charCodeAt(i + 1) === LT) throw this.bad("a tag without a name");
    const k = this.nameAt(b, i + 1, j);
    const qname = this.names[k];
    const name = this.locals[k];
    let attrs = NO_ATTRIBUTES;
    // Attributes are checked always but kept only where the handler reads them (a sheet: <row> and <c>).
    const want = this.h.wantsAttributes?.(name) ?? true;
    for (;;) {
      while (j < n && isSpace(b.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final);
      const c = b.charCodeAt(j);
      if (c === GT || c === SLASH) {
        const selfClosing = c === SLASH;
        if (selfClosing) {
          if (j + 1 >= n) return this.incomplete(final);
          if (b.charCodeAt(j + 1) !== GT) throw this.bad(`<${qname}>: '/' not followed by '>'`);
        }
        if (this.open.length === 0 && this.rootSeen) throw this.bad(`<${qname}>: a second root element`);
        this.rootSeen = true;
        this.h.open(name, attrs);
        if (selfClosing) this.h.close(name);
        else this.open.push(qname);
        return j + (selfClosing ? 2 : 1);
      }
      const start = j;
      while (j < n && !endsName(b.charCodeAt(j))) j++;
      const attr = j > start ? this.names[this.nameAt(b, start, j)] : "";
      while (j < n && isSpace(b.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final);
      if (attr === "" || b.charCodeAt(j) !== 61) throw this.bad(`<${qname}>: an attribute without a value`);
      j++;
      while (j < n && isSpace(b.charCodeAt(j))) j++;
      if (j >= n) return this.incomplete(final);
      const quote = b.charCodeAt(j);
      if (quote !== 34 && quote !== 39) throw this.bad(`<${qname}>: attribute ${attr} is not quoted`);
      // One pass over the value: where it ends, and whether it holds '<' (an error), '&' or a tab/newline/CR.
      let close = j + 1;
      let marks = 0;
      for (; close < n; close++) {
        const c = b.charCodeAt(close);
        if (c === quote) break;
        if (c === LT) throw this.bad(`<${qname}>: '<' in attribute ${attr}`);
        if (c === 38 /* & */ || c === 9 || c === 10 || c === 13) marks++;
      }
      if (close >= n) return this.incomplete(final);
      if (want) {
        let value = b.slice(j + 1, close);
        if (marks) {
          value = this.decode(value.replace(/\r\n|[\t\n\r]/g, " ")); // attribute-value normalisation
        }
        if (attrs === NO_ATTRIBUTES) attrs = {};
        if (attr !== "__proto__") attrs[attr] = value;
      }
      j = close + 1;
    }
  }
}
