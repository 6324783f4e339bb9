import type { Widen } from "../types";
import type { plan as zh } from "../zh/plan";

export const plan: Widen<typeof zh> = {
  title: "Plan dashboard",
  closed: "The plan dashboard is for officials",
  asOf: "as of {{date}}",
  scope: "District: {{district}}",
  reportPdf: "Yearly report PDF",
  reportXlsx: "Yearly report Excel",
  openRegistry: "Open the registry",
  liveNotice:
    "Actual values are counted live from the registry and the cases, never typed in. The registry holds {{orgs}} organisations and {{people}} people, plus {{candidates}} unconfirmed candidates derived from the patent data (not counted).",
  emptyRegistry:
    "The registry is not filled yet, so most figures are 0 — that is the real state, not a fault. Add records in the registry or import them from Excel.",
  byDistrict: "{{target}}: by district",
  editTarget: "Edit target",
  noAreas: "No figures by area for this target",
  belt: "Service belt (L-shaped): {{districts}}",
  zonesTitle: "Zones without a boundary (ranked)",
  zonesNote:
    "Zhengdong New District and the high-tech, economic development and airport zones are functional zones with no boundary on the map; ★ marks the service belt. Zhengdong New District has no division code and is counted by the registry's zone field.",
  zonesRanked: "Zones ranked",
  byYear: "Progress by year, {{from}}–{{to}}",
  actual: "Year-end actual",
  pace: "Pace",
  target: "Target",
  paceNote: "The pace spreads the target evenly over the plan's years; the running year shows today's value.",
  targetValue: "Target ({{unit}}, {{year}})",
  targetNote: "Targets are data: the change is audited. Actual values stay computed from the registry.",
  figure: "/ {{target}} {{unit}} ({{year}})",
  pledgeNotRecorded: "No data: pledge financing is not recorded on the platform yet",
  pledgeNone: "No pledge financing registered on the platform in {{year}}",
  pledgeYear: "Pledge financing registered in {{year}}",
  registryEmpty: "0 of {{target}} — the registry is not filled yet",
};
