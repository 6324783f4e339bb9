import { GraphChart, HeatmapChart } from "echarts/charts";
import { MarkLineComponent } from "echarts/components";
import { echarts } from "../../charts/echarts";

// The report's extra chart kinds (heatmap, cooperation graph, RTA reference line) on the portal's tree-shaken ECharts.
echarts.use([HeatmapChart, GraphChart, MarkLineComponent]);
