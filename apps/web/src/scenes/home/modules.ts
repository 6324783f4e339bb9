import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  CompassOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FundOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  SwapOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { PermissionName } from "@zhichan/shared";
import type { ComponentType } from "react";

/** Every module of the platform; `to` is null for those not built yet (shown disabled, never faked). */
export interface PlatformModule {
  key: string;
  Icon: ComponentType;
  to: string | null;
  /** The permission its page needs: officials' tools, shown to others as such, without a link. */
  need?: PermissionName;
}

export const PLATFORM_MODULES: PlatformModule[] = [
  { key: "search", Icon: SearchOutlined, to: "/search" },
  // statistics without a query chart the whole collection (the match-all query, docs/QUERY.md)
  { key: "stats", Icon: BarChartOutlined, to: "/search?tab=stats" },
  { key: "navigation", Icon: CompassOutlined, to: "/navigation" }, // analytics
  { key: "industry", Icon: DatabaseOutlined, to: "/industries" }, // analytics
  // cases (case engine helper): protection, operations, talent, one-stop services
  { key: "protection", Icon: SafetyCertificateOutlined, to: "/protection" },
  { key: "operations", Icon: SwapOutlined, to: "/operations" },
  // officials' tools (scenes/supervision, scenes/plan)
  { key: "agency", Icon: AuditOutlined, to: "/supervision", need: "supervision:read" },
  { key: "plan", Icon: DashboardOutlined, to: "/plan", need: "dashboard:read" },
  { key: "talent", Icon: TeamOutlined, to: "/talent" },
  { key: "onestop", Icon: AppstoreOutlined, to: "/services" },
  // public information (scenes/content): notices, guides, directories; and the published statistics
  { key: "publicInfo", Icon: NotificationOutlined, to: "/notices" },
  { key: "guides", Icon: ReadOutlined, to: "/guides" },
  { key: "directory", Icon: ContactsOutlined, to: "/directory" },
  { key: "publishedStats", Icon: FundOutlined, to: "/statistics/published" },
];
