/**
 * Seeded scale-up generator: doc i is a function of (model, seed, i's position in the stream) only, so the first
 * K docs are the same whatever N is, and every engine run regenerates identical docs instead of holding 5M in memory.
 */
import type { PatentDoc } from "@zhichan/core/search/types.ts";
import type { CorpusModel, FieldModel, TemplateDoc } from "./model.ts";
import { pickCumulative, Rng, zipfCumulative } from "./prng.ts";

/** Chance, at each chunk, of jumping back to the subclass vocabulary instead of following the chain. */
const TOPIC_JUMP = 0.15;
const APPLICANT_ZIPF = 1.0;
const INVENTOR_ZIPF = 0.8;
const AGENCY_ZIPF = 1.0;
const LATIN = /^[A-Za-z0-9]/;

const KIND_BY_TYPE: Record<string, string> = {
  invention_application: "A",
  invention_grant: "B",
  utility_model: "U",
  design: "S",
};

export function* generateDocs(model: CorpusModel, seed: number, count: number): Generator<PatentDoc> {
  const rng = new Rng(seed);
  const applicantCum = zipfCumulative(model.applicants.length, APPLICANT_ZIPF);
  const inventorCum = zipfCumulative(model.inventors.length, INVENTOR_ZIPF);
  const agencyCum = zipfCumulative(model.agencies.length, AGENCY_ZIPF);
  const latin = model.chunks.map((chunk) => LATIN.test(chunk));
  const text = (field: FieldModel, template: TemplateDoc, length: number) =>
    generateText(model, latin, field, template, length, rng);

  // A grant is published under the application number of an earlier application publication (its A and B are one
  // invention, what group=invention counts once): the latest application not yet granted. No random draw, so the
  // rest of every doc is what it was before grants were paired.
  let ungranted = "";
  for (let id = 0; id < count; id++) {
    const template = model.templates[rng.int(model.templates.length)];
    const ti = text(model.title, template, template.titleLength);
    const ab = template.abstractLength > 0 ? text(model.abstract, template, template.abstractLength) : "";
    const applicantRanks = distinctDraws(applicantCum, template.applicantCount, rng);
    const ad = applicationDate(template, rng);
    let an = ad > 0 ? `CN${Math.floor(ad / 10000)}1${String(id % 10000000).padStart(7, "0")}.${id % 10}` : "";
    if (template.type === "invention_application") ungranted = an;
    else if (template.type === "invention_grant" && ungranted !== "") {
      an = ungranted;
      ungranted = "";
    }
    yield {
      id,
      pn: `CN${100000000 + id}${KIND_BY_TYPE[template.type] ?? "A"}`,
      an,
      ti,
      ab,
      cl: "", // the real sample has no claims text, so neither do generated docs
      ap: applicantRanks.map((rank) => model.applicants[rank]),
      in: distinctDraws(inventorCum, template.inventorCount, rng).map((rank) => model.inventors[rank]),
      agc: template.hasAgency ? [model.agencies[pickCumulative(agencyCum, 0, agencyCum.length, rng)]] : [],
      ipc: template.ipc,
      ad,
      pd: publicationDate(template, ad, rng),
      type: template.type,
      status: template.status,
      region: template.region,
      sei: template.sei,
      applicantIds: applicantRanks.map((rank) => `ap${rank}`),
    };
  }
}

function generateText(
  model: CorpusModel,
  latin: boolean[],
  field: FieldModel,
  template: TemplateDoc,
  length: number,
  rng: Rng,
): string {
  const chain = field.bySection[template.section];
  const vocabulary = field.bySubclass;
  const vocabFrom = vocabulary.rowStart[template.subclass];
  const vocabTo = vocabulary.rowStart[template.subclass + 1];
  let text = "";
  let prev = 0;
  while (text.length < length) {
    const from = chain.rowStart[prev];
    const to = chain.rowStart[prev + 1];
    let chunk: number;
    if (to > from && (prev === 0 || !rng.chance(TOPIC_JUMP)))
      chunk = chain.next[pickCumulative(chain.cum, from, to, rng)];
    else if (vocabTo > vocabFrom) chunk = vocabulary.chunk[pickCumulative(vocabulary.cum, vocabFrom, vocabTo, rng)];
    else break;
    // Two Latin chunks in a row would glue into one new word: keep the space the source had between them.
    if (prev !== 0 && latin[prev] && latin[chunk]) text += " ";
    text += model.chunks[chunk];
    prev = chunk;
  }
  return text;
}

/** `count` different ranks drawn from a Zipf law (a patent does not list one applicant twice). */
function distinctDraws(cum: Float64Array, count: number, rng: Rng): number[] {
  const ranks: number[] = [];
  for (let attempt = 0; ranks.length < count && attempt < count * 4; attempt++) {
    const rank = pickCumulative(cum, 0, cum.length, rng);
    if (!ranks.includes(rank)) ranks.push(rank);
  }
  return ranks;
}

/** The template's date; a year-only template gets a random day in that year; unknown stays 0. */
function applicationDate(template: TemplateDoc, rng: Rng): number {
  if (template.applicationDate > 0) return template.applicationDate;
  if (template.applicationYear === 0) return 0;
  return template.applicationYear * 10000 + (1 + rng.int(12)) * 100 + 1 + rng.int(28);
}

function publicationDate(template: TemplateDoc, ad: number, rng: Rng): number {
  if (template.publicationDate > 0) return template.publicationDate;
  if (ad === 0) return 0;
  const months = 6 + rng.int(30); // publication follows application by 6–36 months
  const month = (Math.floor(ad / 100) % 100) - 1 + months;
  return (Math.floor(ad / 10000) + Math.floor(month / 12)) * 10000 + ((month % 12) + 1) * 100 + (ad % 100);
}
