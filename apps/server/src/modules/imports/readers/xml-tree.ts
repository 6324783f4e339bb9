import { AppError } from "@zhichan/core";
import { parseXmlText } from "../../../uploads/bounded-xml.js";

/** One element of a small XML document: local name (namespace prefix dropped), attributes, children; '#text' nodes hold text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** No patent document nests anywhere near this deep; a file that does is refused rather than walked. */
export const MAX_XML_DEPTH = 64;
/** Decoded text is handed to the parser this many characters at a time, so the token bound is checked often. */
const SLICE = 64 * 1024;

function* slices(text: string): Generator<string> {
  for (let p = 0; p < text.length; p += SLICE) yield text.slice(p, p + SLICE);
}

/**
 * The element tree of one XML document (one CNIPA patent document or one PRS file: a few hundred KB at most), built
 * by the bounded XML tokenizer of src/uploads (token size bound, entity declarations refused). `a:Name` and `Name` are
 * the same element. Malformed or cut-off XML throws (naming the unclosed or mismatched element).
 */
export async function parseXmlTree(text: string, name: string, maxTokenChars: number): Promise<XmlNode> {
  const root: XmlNode = { name: "#document", attrs: {}, children: [], text: "" };
  const stack: XmlNode[] = [root];
  await parseXmlText(slices(text), name, maxTokenChars, {
    open(tag, attrs) {
      if (stack.length > MAX_XML_DEPTH)
        throw new AppError(
          "BAD_REQUEST",
          `${name}：XML 嵌套超过 ${MAX_XML_DEPTH} 层 · ${name}: XML nested deeper than ${MAX_XML_DEPTH} levels`,
        );
      const node: XmlNode = { name: tag, attrs: localAttrs(attrs), children: [], text: "" };
      stack[stack.length - 1].children.push(node);
      stack.push(node);
    },
    close() {
      stack.pop();
    },
    text(t) {
      // Kept in document order among the elements, so mixed content ('a <sub>2</sub> b') reads as written; a text the
      // parser hands over in pieces (across its chunks) is one node, as before.
      if (stack.length <= 1) return;
      const children = stack[stack.length - 1].children;
      const last = children[children.length - 1];
      if (last?.name === "#text") last.text += t;
      else children.push({ name: "#text", attrs: {}, children: [], text: t });
    },
  });
  return root;
}

/** Attributes by local name too ('business:applType' → 'applType'), as for elements. */
function localAttrs(attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in attrs) out[k.slice(k.indexOf(":") + 1)] = attrs[k];
  return out;
}

// The readers below run a few dozen times per document over 100k documents of a delivery: plain loops, no
// per-call closures or intermediate arrays.

/** Children of `node` named `name`. */
export function kids(node: XmlNode | undefined, name: string): XmlNode[] {
  const out: XmlNode[] = [];
  if (node) for (const c of node.children) if (c.name === name) out.push(c);
  return out;
}

function firstKid(node: XmlNode, name: string): XmlNode | undefined {
  for (const c of node.children) if (c.name === name) return c;
  return undefined;
}

const pathSteps = new Map<string, string[]>();
function stepsOf(path: string): string[] {
  let steps = pathSteps.get(path);
  if (!steps) {
    steps = path.split("/");
    pathSteps.set(path, steps); // the paths are the readers' constants: a few dozen
  }
  return steps;
}

/** The first node down a path of child names ('ApplicantDetails/Applicant'), or undefined. */
export function at(node: XmlNode | undefined, path: string): XmlNode | undefined {
  let n = node;
  for (const step of stepsOf(path)) {
    if (!n) return undefined;
    n = firstKid(n, step);
  }
  return n;
}

/** Every node down a path (each step may match several children). */
export function all(node: XmlNode | undefined, path: string): XmlNode[] {
  let level = node ? [node] : [];
  for (const step of stepsOf(path)) {
    const next: XmlNode[] = [];
    for (const n of level) for (const c of n.children) if (c.name === step) next.push(c);
    level = next;
  }
  return level;
}

function collectText(n: XmlNode, parts: string[]): void {
  if (n.text) parts.push(n.text);
  for (const c of n.children) collectText(c, parts);
}

/** All text inside a node (its own and its descendants'), whitespace collapsed; '' for none. */
export function textOf(node: XmlNode | undefined): string {
  if (!node) return "";
  const parts: string[] = [];
  collectText(node, parts);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}

/** The text at a path, or '' when absent. */
export const textAt = (node: XmlNode | undefined, path: string): string => textOf(at(node, path));

/** The first element named `name` anywhere under `node` (depth first). */
export function find(node: XmlNode, name: string): XmlNode | undefined {
  for (const c of node.children) {
    if (c.name === name) return c;
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The first element of each name under `node`, depth first — what `find` returns for every name, in one walk (a
 * document is asked for a dozen elements, most of them absent, which `find` answers by walking it all).
 */
export function firstElements(node: XmlNode): Map<string, XmlNode> {
  const first = new Map<string, XmlNode>();
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name !== "#text" && !first.has(c.name)) first.set(c.name, c);
      walk(c);
    }
  };
  walk(node);
  return first;
}
