import type { TargetProgress } from "@zhichan/shared";

type Area = Pick<TargetProgress["areas"][number], "name" | "code">;

/**
 * The service belt's members (the plan lists them by Chinese name) in the UI language: a district by its division
 * code, a functional zone without one (郑东新区) by the zone catalogue, so the English page has no Chinese name left.
 */
export function beltNames(
  belt: readonly string[],
  areas: readonly Area[],
  words: { region: (code: string, serverName: string) => string; zone: (name: string) => string },
): string[] {
  return belt.map((name) => {
    const area = areas.find((a) => a.name === name);
    return area?.code ? words.region(area.code, name) : words.zone(name);
  });
}
