import type { EChartsCoreOption } from "echarts/core";
import { useEffect, useRef } from "react";
import { echarts, FONT_FAMILY, PALETTE } from "./echarts";

interface Props {
  option: EChartsCoreOption;
  height?: number;
  /** Text alternative for screen readers. */
  label: string;
  testId?: string;
  /** A click on a data item (bar, cell, point): its data as given in the option. */
  onClick?: (data: unknown) => void;
}

/** One ECharts instance bound to a div; resizes with its container, disposed on unmount. */
export function EChart({ option, height = 300, label, testId, onClick }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: "canvas" });
    chart.current = c;
    c.on("click", (p) => click.current?.((p as { data: unknown }).data));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { color: PALETTE, textStyle: { fontFamily: FONT_FAMILY }, aria: { enabled: true }, animation: false, ...option },
      { notMerge: true },
    );
  }, [option]);

  return <div ref={ref} className="echart" style={{ height }} role="img" aria-label={label} data-testid={testId} />;
}
