/**
 * The applicant entities the importer keeps, as the officials' tools in modules/applicants change them: merging two
 * entities, the patents whose entity changed, keep-apart decisions. These are the importer's own rules, published
 * here so that a merge by hand and a merge found at import are one operation reached through this module's front.
 */
export { keepApartPairs, liftKeepApartJoinedIn, recordKeepApart } from "./applicant-keep-apart.repository.js";
export { bumpPatents, type MergeOutcome, mergeEntityInto } from "./applicant-merge.js";
