import { AppError } from "@zhichan/core";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { XmlScanner } from "./xml-scanner.js";
import { ZipFormatError } from "./zip-directory.js";

/** The events of a document fed in the given chunks, texts of one node joined (the scanner hands them in pieces). */
function events(chunks: string[], max = 1 << 20): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner("t.xml", max, {
    open: (name, attrs) => out.push(`<${name} ${JSON.stringify(attrs)}`),
    close: (name) => out.push(`</${name}`),
    text: (t) => {
      if (out.length && out[out.length - 1].startsWith("#")) out[out.length - 1] += t;
      else out.push(`#${t}`);
    },
  });
  for (const c of chunks) scanner.write(c);
  scanner.close();
  return out;
}

/** The same events from saxes, the SAX parser the workbook reader used before (local names, as the reader gives). */
function saxesEvents(doc: string): string[] {
  const out: string[] = [];
  const p = new SaxesParser();
  const local = (n: string) => n.slice(n.indexOf(":") + 1);
  let depth = 0;
  p.on("opentag", (t) => {
    depth++;
    out.push(`<${local(t.name)} ${JSON.stringify({ ...t.attributes })}`);
  });
  p.on("closetag", (t) => {
    depth--;
    out.push(`</${local(t.name)}`);
  });
  const text = (t: string) => {
    if (depth === 0) return; // whitespace around the root
    if (out[out.length - 1].startsWith("#")) out[out.length - 1] += t;
    else out.push(`#${t}`);
  };
  p.on("text", text);
  p.on("cdata", text);
  p.write(doc).close();
  return out;
}

const SHEET = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n',
  '<x:worksheet xmlns:x="urn:x" xmlns:r="urn:r"><!-- a comment with <c> inside --><x:sheetData>',
  '<x:row r="1" spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve"> 知识 &amp; 产权 &lt;一&gt; &#x20BB7;&#26149;</x:t></x:is></x:c>',
  '<x:c r=\'B1\' s="2"><x:v>44253</x:v></x:c><x:c r="C1"/>',
  '<x:c r="D1" t="str"><x:f>A1&amp;"x"</x:f><x:v><![CDATA[a <b> & c]]></x:v></x:c></x:row>',
  '<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>富</x:t></x:r><x:r><x:t>文本\r\n第二行\r第三行</x:t></x:r>',
  '<x:rPh sb="0" eb="1"><x:t>ふ</x:t></x:rPh></x:is></x:c><x:c r="B2" a="q&quot;uo&apos;te\ttab"><x:v>1</x:v></x:c></x:row>',
  "</x:sheetData></x:worksheet>\n",
].join("");

describe("the workbook XML tokenizer", () => {
  it("gives the events saxes gave: prefixes dropped, entities and character references, CDATA, CRLF → LF", () => {
    expect(events([SHEET])).toEqual(saxesEvents(SHEET));
    expect(events([SHEET]).filter((e) => e.startsWith("#"))).toContain("# 知识 & 产权 <一> 𠮷春");
  });

  it("gives the same events wherever the chunks cut the text: inside a tag, an entity, a CRLF or a character", () => {
    const whole = events([SHEET]);
    for (let cut = 1; cut < SHEET.length; cut++) {
      expect(events([SHEET.slice(0, cut), SHEET.slice(cut)])).toEqual(whole);
    }
    // three-character chunks throughout
    expect(events(SHEET.match(/[\s\S]{1,3}/g) ?? [])).toEqual(whole);
  });

  it("refuses what is not well-formed, naming the part, and never expands a declared entity", () => {
    const bad = [
      "<a><b></a>",
      "<a>",
      "<a></a><b/>",
      "text<a/>",
      "<a>&nbsp;</a>",
      "<a>&#0;</a>",
      "<a x=1/>",
      "<a x></a>",
      "<a><",
      '<a x="1',
      "<a>& b</a>",
      "",
      '<!DOCTYPE a [<!ENTITY lol "lol">]><a>&lol;</a>',
    ];
    for (const doc of bad) {
      expect(() => events([doc]), doc).toThrow(ZipFormatError);
      expect(() => events([doc]), doc).toThrow(/^t\.xml: /);
    }
    expect(() => events(['<!DOCTYPE a [<!ENTITY lol "lol">]><a/>'])).toThrow("DOCTYPE declares entities");
    expect(events(["<!DOCTYPE a><a/>"])).toEqual(["<a {}", "</a"]);
  });

  it("stops at a text or tag longer than the bound, even when it comes in many chunks", () => {
    const long = `<a>${"长".repeat(120)}</a>`;
    expect(events([long], 120)).toHaveLength(3);
    const tooLong = () => events(long.replace("长", "长长").match(/[\s\S]{1,7}/g) ?? [], 120);
    expect(tooLong).toThrow(AppError);
    expect(tooLong).toThrow("t.xml 中有超过 120 个字符的单个文本或标签");
    expect(() => events([`<a b="${"x".repeat(200)}"/>`.slice(0, 150)], 120)).toThrow("单个文本或标签");
  });
});
