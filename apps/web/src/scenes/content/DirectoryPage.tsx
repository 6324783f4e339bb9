import type { DirectoryEntry, DirectoryKind } from "@zhichan/shared";
import { DIRECTORY_KINDS } from "@zhichan/shared";
import { Descriptions, Empty, List, Tabs, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { getTrainingEvents } from "../../api/cases";
import { getDirectory } from "../../api/content";
import { EChart } from "../../charts/EChart";
import { ErrorView } from "../../components/ErrorView";
import { PageLoading } from "../../components/PageLoading";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { useGeoMap } from "../stats/useGeoMap";
import { PublicLinks } from "./PublicLinks";
import { workstationMapOption } from "./workstationMap";
import "./content.css";

type Tab = DirectoryKind | "training";
const TABS: Tab[] = [...DIRECTORY_KINDS, "training"];

/** 公开名录 (public): what officials listed from the registry, each entry with only the fields they chose. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as string[]).includes(params.get("tab") ?? "") ? (params.get("tab") as Tab) : "agencies";
  return (
    <div className="content-page" data-testid="directory-page">
      <Typography.Title level={2}>{t("publicInfo.directory.title")}</Typography.Title>
      <PublicLinks />
      <Typography.Paragraph type="secondary">{t("publicInfo.directory.intro")}</Typography.Paragraph>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={TABS.map((k) => ({
          key: k,
          label: t(`publicInfo.directory.kinds.${k}`),
          children: k === tab ? k === "training" ? <TrainingList /> : <Entries kind={k} /> : null,
        }))}
      />
    </div>
  );
}

function Entries({ kind }: { kind: DirectoryKind }) {
  const { t } = useTranslation();
  const { region } = useCodes();
  const data = useAsync((s) => getDirectory(kind, s), [kind]);
  const zz = useGeoMap("zhengzhou_districts");
  if (data.error) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <PageLoading />;
  const { items, districts } = data.data;
  return (
    <>
      {kind === "workstations" && districts.length > 0 && zz.geo && (
        <div className="dir-map">
          <Typography.Title level={5}>{t("publicInfo.directory.map")}</Typography.Title>
          <EChart
            option={workstationMapOption(districts, t("publicInfo.directory.map"), zz.mapName, (d) =>
              region(d.code, d.name),
            )}
            height={360}
            label={t("publicInfo.directory.mapLabel")}
            testId="workstation-map"
          />
        </div>
      )}
      {items.length === 0 ? (
        <Empty description={t("publicInfo.directory.empty")} />
      ) : (
        <List
          dataSource={items}
          renderItem={(e) => (
            <List.Item key={e.id} data-entry={e.id}>
              <EntryCard e={e} />
            </List.Item>
          )}
        />
      )}
    </>
  );
}

function EntryCard({ e }: { e: DirectoryEntry }) {
  const { t } = useTranslation();
  const { code, region } = useCodes();
  const rows = [
    { key: "category", value: code("registry", e.category) },
    e.orgName && { key: "orgName", value: e.orgName },
    e.district && { key: "district", value: region(e.district, e.districtName) },
    e.zone && { key: "zone", value: code("zone", e.zone) },
    e.address && { key: "address", value: e.address },
    e.qualifications && {
      key: "qualifications",
      value: e.qualifications.map((q) => code("registry", q)).join(t("common.listSep")),
    },
    e.brand && { key: "brand", value: code("brandLevel", e.brand) },
    e.since && { key: "since", value: e.since },
  ].filter(Boolean) as { key: string; value: string }[];
  return (
    <Descriptions
      title={e.name}
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={rows.map((r) => ({ key: r.key, label: t(`publicInfo.directory.${r.key}`), children: r.value }))}
    />
  );
}

function TrainingList() {
  const { t } = useTranslation();
  const data = useAsync(() => getTrainingEvents(), []);
  if (data.error) return <ErrorView error={data.error} onRetry={data.reload} />;
  if (!data.data) return <PageLoading />;
  if (data.data.length === 0) return <Empty description={t("publicInfo.directory.empty")} />;
  return (
    <List
      dataSource={data.data}
      renderItem={(e) => (
        <List.Item key={e.id} data-training={e.id}>
          <Descriptions
            title={e.title}
            size="small"
            column={{ xs: 1, sm: 3 }}
            items={[
              { key: "d", label: t("publicInfo.directory.trainingDate"), children: e.startsOn },
              { key: "l", label: t("publicInfo.directory.location"), children: e.location },
              { key: "c", label: t("publicInfo.directory.capacity"), children: e.capacity },
            ]}
          />
          <Link to="/talent">→</Link>
        </List.Item>
      )}
    />
  );
}
