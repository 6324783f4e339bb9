import { SearchOutlined, SwapOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Skeleton, Statistic, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { getApplicant } from "../../api/applicants";
import { ErrorView } from "../../components/ErrorView";
import { UnitToggle } from "../../components/UnitToggle";
import { useAsync } from "../../components/useAsync";
import { useCodes } from "../../i18n/useCodes";
import { EntityPanel } from "./EntityPanel";
import { PortfolioCharts } from "./PortfolioCharts";
import "./applicant.css";
import { WatchButton } from "../watches/WatchButton";

/** /applicants/:id — who they are, portfolio statistics, and a link to all their patents in search. */
export function ApplicantPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const { region } = useCodes();
  const navigate = useNavigate();
  // the portfolio counts applications unless ?unit=publication (the toggle)
  const [params, setParams] = useSearchParams();
  const unit = params.get("unit") === "publication" ? "publication" : "invention";
  const res = useAsync((signal) => getApplicant(id, signal, unit), [id, unit]);
  const a = res.data;
  if (res.error) {
    return (
      <div className="page">
        <ErrorView error={res.error} onRetry={res.reload} />
      </div>
    );
  }
  if (!a) {
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 10 }} />
      </div>
    );
  }
  return (
    <div className="page applicant-page">
      <div className="applicant-head">
        <div>
          <div className="muted">{t("applicant.title")}</div>
          <h1 className="page-title" data-testid="applicant-name" data-content>
            {a.name}
          </h1>
        </div>
        <Button
          type="primary"
          icon={<SearchOutlined />}
          data-testid="applicant-search"
          onClick={() => navigate(`/search?q=${encodeURIComponent(a.query)}`)}
        >
          {t("applicant.searchAll")}
        </Button>
        <Button
          icon={<SwapOutlined />}
          data-testid="applicant-compare"
          onClick={() => navigate(`/applicants/compare?ids=${a.id}`)}
        >
          {t("compare.compareWith")}
        </Button>
        <WatchButton kind="applicant" targetId={a.id} />
      </div>
      {a.entity?.mergedFrom ? (
        <Alert
          type="info"
          showIcon
          className="entity-merged-from"
          data-testid="merged-from"
          message={t("entityAdmin.mergedFrom", { id: a.entity.mergedFrom, name: a.name })}
        />
      ) : null}
      <div className="applicant-summary">
        <Card size="small">
          <div className="applicant-counts">
            <Statistic title={t("grouping.applicantInventions")} value={a.inventionCount} />
            <Statistic title={t("grouping.applicantPublications")} value={a.patentCount} />
          </div>
        </Card>
        <Card size="small" className="applicant-meta">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: "aliases",
                label: t("applicant.aliases"),
                // A company can have dozens of spellings: a few lines, the rest on request.
                children: a.aliases.length ? (
                  <Typography.Paragraph className="applicant-aliases" ellipsis={{ rows: 3, expandable: true }}>
                    {a.aliases.join(i18n.language === "en" ? "; " : "；")}
                  </Typography.Paragraph>
                ) : (
                  "—"
                ),
              },
              { key: "region", label: t("applicant.region"), children: a.regionCode ? region(a.regionCode) : "—" },
            ]}
          />
        </Card>
      </div>
      <EntityPanel a={a} onChanged={res.reload} />
      <div className="applicant-portfolio-head">
        <h2 className="section-title">{t("applicant.portfolio")}</h2>
        <UnitToggle
          unit={unit}
          onChange={(u) => setParams(u === "publication" ? { unit: u } : {}, { replace: true })}
        />
      </div>
      <p className="muted" data-testid="portfolio-basis">
        {t(`grouping.portfolioBasis.${unit}`)}
      </p>
      <PortfolioCharts facets={a.facets} unit={unit} />
    </div>
  );
}
