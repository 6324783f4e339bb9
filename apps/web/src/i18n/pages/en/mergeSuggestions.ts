import type { Widen } from "../types";
import type { mergeSuggestions as zh } from "../zh/mergeSuggestions";

/** The data-quality page's merge suggestions awaiting review (scenes/dataquality/SuggestionList.tsx). */
export const mergeSuggestions: Widen<typeof zh> = {
  title: "Merge suggestions awaiting review",
  hint: "The data hints that these applicants may be one company, but not strongly enough to merge them automatically. Check the evidence before merging; a pair marked as different companies is never merged or suggested again.",
  total: "{{n}} suggestions",
  shownOf: "{{total}} suggestions; the {{n}} strongest are shown",
  none: "No merge suggestions awaiting review",
  patents: "{{n}} patents",
  into: "into",
  accept: "Merge",
  reject: "Different companies",
  acceptTitle: "Merge applicants",
  acceptText:
    "“{{absorbed}}” will be merged into “{{survivor}}”, with its patents and spellings. The merge is audited and can be undone by a split on the applicant page.",
  rejectTitle: "Mark as different companies",
  rejectText:
    "“{{absorbed}}” and “{{survivor}}” will be kept apart: neither the automatic merges nor the suggestions will put them together again. The decision is audited.",
  accepted: "Merged",
  rejected: "Marked as different companies",
  rules: {
    similar_name: "Similar names (traditional/simplified, accents, old spellings, punctuation)",
    shared_priority: "Names in different scripts share a priority",
    shared_family: "Names in different scripts are in one simple family",
  },
  evidence: {
    priorities: "Shared priorities",
    families: "Shared families",
    count: "Times shared",
    suggestedBy: "Suggested by",
  },
};
