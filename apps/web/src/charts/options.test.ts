import { describe, expect, it } from "vitest";
import { pieOption } from "./options";

const data = ["发明公布", "实用新型", "发明授权", "外观设计"].map((name, i) => ({ name, value: 10 - i }));

describe("pieOption", () => {
  it("wraps a phone's legend instead of paging it, so no name is cut beside page arrows", () => {
    const option = pieOption(data, "件", true) as { legend: { type: string } };
    expect(option.legend.type).toBe("plain");
  });

  it("keeps a phone's donut small enough for its outer percentage labels", () => {
    const option = pieOption(data, "件", true) as { series: { radius: string[] }[] };
    expect(Number.parseFloat(option.series[0].radius[1])).toBeLessThanOrEqual(45);
  });

  it("pages a desktop's vertical legend beside the donut", () => {
    const option = pieOption(data, "件") as { legend: { type: string; orient: string } };
    expect(option.legend).toMatchObject({ type: "scroll", orient: "vertical" });
  });
});
