/** Turns PatentDocs into a sealed segment. */
import { inventionKey } from "../../patents/invention-key.js";
import { TokenStream, tokenize } from "../analysis/analyzer.js";
import type { PatentDoc } from "../types.js";
import { GrowableBytes, GrowableInt32 } from "../util/growable.js";
import { canonicalIpc } from "./ipc.js";
import { KeywordBuilder } from "./keyword-builder.js";
import { nameKeys } from "./names.js";
import { normalizeAn, normalizePn } from "./numbers.js";
import {
  KEYWORD_FIELDS,
  type KeywordField,
  type KeywordFieldName,
  Segment,
  SINGLE_VALUED,
  TEXT_FIELDS,
  type TextField,
  type TextFieldName,
} from "./segment.js";
import { TextFieldBuilder } from "./text-builder.js";

/** Positions skipped between the values of a multi-valued field, so phrases never span two names. */
export const VALUE_GAP = 16;

export class SegmentBuilder {
  private text = {} as Record<TextFieldName, TextFieldBuilder>;
  private kw = {} as Record<KeywordFieldName, KeywordBuilder>;
  private ids = new GrowableInt32();
  private ad = new GrowableInt32();
  private pd = new GrowableInt32();
  private titles = new GrowableBytes(4096);
  private titleOffs = new GrowableInt32();
  private ts = new TokenStream();
  private encoder = new TextEncoder();

  constructor() {
    for (const f of TEXT_FIELDS) this.text[f] = new TextFieldBuilder();
    for (const f of KEYWORD_FIELDS) this.kw[f] = new KeywordBuilder(SINGLE_VALUED.has(f));
    this.titleOffs.push(0);
  }

  get size(): number {
    return this.ids.length;
  }

  add(doc: PatentDoc): void {
    const local = this.ids.length;
    this.ids.push(doc.id);
    this.ad.push(doc.ad | 0);
    this.pd.push(doc.pd | 0);
    this.addText("ti", local, [doc.ti]);
    this.addText("ab", local, [doc.ab]);
    this.addText("cl", local, [doc.cl]);
    this.addText("ap", local, doc.ap);
    this.addText("in", local, doc.in);
    this.addText("agc", local, doc.agc);
    const kw = this.kw;
    kw.type.addOne(doc.type ?? "");
    kw.status.addOne(doc.status ?? "");
    kw.pn.addOne(normalizePn(doc.pn ?? ""));
    kw.an.addOne(normalizeAn(doc.an ?? ""));
    kw.ipc.add((doc.ipc ?? []).map(canonicalIpc).filter((c) => c !== ""));
    kw.region.add(doc.region ?? []);
    kw.sei.add(doc.sei ?? []);
    kw.applicant.add(doc.applicantIds ?? []);
    kw.agency.add((doc.agc ?? []).map((a) => a.trim()).filter((a) => a !== ""));
    kw.inv.addOne(inventionOf(doc));
    kw.apname.add(nameKeys(doc.ap));
    kw.inname.add(nameKeys(doc.in));
    const t = this.titles;
    const ti = doc.ti ?? "";
    t.ensure(ti.length * 3);
    t.length += this.encoder.encodeInto(ti, t.buf.subarray(t.length)).written;
    this.titleOffs.push(t.length);
  }

  private addText(field: TextFieldName, local: number, values: readonly string[] | undefined): void {
    const ts = this.ts;
    ts.reset();
    let pos = 0;
    let length = 0;
    for (const v of values ?? []) {
      if (!v) continue;
      const end = tokenize(v, ts, pos);
      length += end - pos;
      pos = end + VALUE_GAP;
    }
    this.text[field].addDoc(local, ts, length);
  }

  finish(): Segment {
    const maxDoc = this.ids.length;
    const text = {} as Record<TextFieldName, TextField>;
    for (const f of TEXT_FIELDS) text[f] = this.text[f].seal(maxDoc);
    const kw = {} as Record<KeywordFieldName, KeywordField>;
    for (const f of KEYWORD_FIELDS) kw[f] = this.kw[f].seal();
    const ids = new Uint32Array(this.ids.toArray());
    return new Segment({
      maxDoc,
      ids,
      ad: this.ad.toArray(),
      pd: this.pd.toArray(),
      text,
      kw,
      titleBytes: this.titles.toArray(),
      titleOffs: new Uint32Array(this.titleOffs.toArray()),
      idOrder: idOrderOf(ids),
      deleted: new Uint8Array(maxDoc),
    });
  }
}

/** The doc's invention key: the server's (family-aware) one, else from its application or publication number. */
function inventionOf(doc: PatentDoc): string {
  if (doc.invention) return doc.invention;
  if (!doc.an && !doc.pn) return `ID:${doc.id}`; // nothing to group by: the doc is its own invention
  return inventionKey({ appNo: doc.an, pubNo: doc.pn ?? "" });
}

/** Local docs sorted by (external id, local doc). */
export function idOrderOf(ids: Uint32Array): Uint32Array {
  const order = new Uint32Array(ids.length);
  let sorted = true;
  for (let i = 0; i < ids.length; i++) {
    order[i] = i;
    if (i > 0 && ids[i] < ids[i - 1]) sorted = false;
  }
  if (!sorted) {
    const idx = Array.from(order);
    idx.sort((a, b) => ids[a] - ids[b] || a - b);
    order.set(idx);
  }
  return order;
}
