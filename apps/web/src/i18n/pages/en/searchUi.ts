import type { Widen } from "../types";
import type { searchUi as zh } from "../zh/searchUi";

export const searchUi: Widen<typeof zh> = {
  ops: { AND: "and", OR: "or", NOT: "and not" },
  dateFrom: "From",
  dateTo: "To",
  choose: "Choose one or more",
  ipcPlaceholder: "Pick from the classification (one or more)",
  ipcLoadFailed: "The classification could not be loaded; please try again later",
  hints: {
    text: "Search terms",
    AP: "An applicant's name or part of it, e.g. Zhengzhou University",
    IN: "An inventor's name",
    AGC: "An agency's name or part of it",
    PN: "Publication number, e.g. CN112345678A",
    AN: "Application number, e.g. 201910123456",
    REGION: "A place name or division code, e.g. 410105",
    SEI: "Industry code, e.g. 1 or 1.2",
  },
  ipcSections: {
    A: "Human necessities",
    B: "Performing operations; transporting",
    C: "Chemistry; metallurgy",
    D: "Textiles; paper",
    E: "Fixed constructions",
    F: "Mechanical engineering; lighting; heating; weapons; blasting",
    G: "Physics",
    H: "Electricity",
  },
  removeRow: "Remove row {{n}}",
  builderNote:
    'One condition per row, combined in order; "Write query" only fills the query box below, where you can still edit it.',
  browseAll: "Browse all patents",
  filters: "Filters",
  filtersTitle: "Filters",
  pager: "Pages",
  prevFromLink: "A page opened from a link cannot step back directly; start again from the first page",
  allBasis: {
    invention: "Based on all {{total}} applications (no query entered; each application counted once)",
    publication: "Based on all {{total}} publications (no query entered)",
  },
  trendHidden:
    "{{count}} patents from {{from}}–{{to}} are not drawn: each of those early years holds under 0.1% of the total.",
  trendShowAll: "Show every year",
  trendShowMain: "Show the main years only",
  card: {
    publicationNumber: "Publication no.",
    date: "Filed",
    ipc: "Main IPC",
    applicationNumber: "Application no.",
  },
};
