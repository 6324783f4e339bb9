import { BarChart, LineChart, MapChart, PieChart } from "echarts/charts";
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";

// Tree-shaken ECharts: only the charts and components the portal draws.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  MapChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  VisualMapComponent,
  AriaComponent,
  CanvasRenderer,
]);

export const FONT_FAMILY = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
export const PALETTE = ["#0b4f9c", "#2f8f5b", "#d9822b", "#8e44ad", "#c0392b", "#16a2b8", "#7f8c8d", "#b7950b"];

export { echarts };
