import { lazy } from "react";
import { Route } from "react-router-dom";

const PlanDashboardPage = lazy(() => import("./PlanDashboardPage").then((m) => ({ default: m.PlanDashboardPage })));
const RegistryPage = lazy(() => import("../registry/RegistryPage").then((m) => ({ default: m.RegistryPage })));
const SurveysPage = lazy(() => import("../surveys/SurveysPage").then((m) => ({ default: m.SurveysPage })));
const SupervisionPage = lazy(() =>
  import("../supervision/SupervisionPage").then((m) => ({ default: m.SupervisionPage })),
);
const AgencyProfilePage = lazy(() =>
  import("../supervision/AgencyProfilePage").then((m) => ({ default: m.AgencyProfilePage })),
);
const AgencyPage = lazy(() => import("../surveys/AgencyPage").then((m) => ({ default: m.AgencyPage })));
// public: published survey aggregates, small cells withheld (issue #17)
const PublishedStatsPage = lazy(() =>
  import("../surveys/PublishedStatsPage").then((m) => ({ default: m.PublishedStatsPage })),
);
// public: the GI register with its map; officials add and edit entries there (scenes/gi)
const GiPage = lazy(() => import("../gi/GiPage").then((m) => ({ default: m.GiPage })));
const GiDetailPage = lazy(() => import("../gi/GiDetailPage").then((m) => ({ default: m.GiDetailPage })));
// public: the plan's progress while a city-wide official has it published
const PublishedPlanPage = lazy(() => import("./PublishedPlanPage").then((m) => ({ default: m.PublishedPlanPage })));
const CreditPage = lazy(() => import("../supervision/CreditPage").then((m) => ({ default: m.CreditPage })));
// data curation (officials with data:import): data-quality page, imports
const DataQualityPage = lazy(() =>
  import("../dataquality/DataQualityPage").then((m) => ({ default: m.DataQualityPage })),
);
const ImportsPage = lazy(() => import("../imports/ImportsPage").then((m) => ({ default: m.ImportsPage })));

/** The officials' tools (registry, surveys, supervision, plan dashboard), placed inside the app's <Routes>. */
export const officialRoutes = (
  <>
    <Route path="/plan" element={<PlanDashboardPage />} />
    <Route path="/registry" element={<RegistryPage />} />
    <Route path="/gi" element={<GiPage />} />
    <Route path="/gi/:id" element={<GiDetailPage />} />
    <Route path="/plan/published" element={<PublishedPlanPage />} />
    <Route path="/surveys" element={<SurveysPage />} />
    <Route path="/statistics/published" element={<PublishedStatsPage />} />
    <Route path="/supervision" element={<SupervisionPage />} />
    <Route path="/supervision/agency" element={<AgencyProfilePage />} />
    <Route path="/supervision/credit/:id" element={<CreditPage />} />
    <Route path="/agency" element={<AgencyPage />} />
    <Route path="/data-quality" element={<DataQualityPage />} />
    <Route path="/imports" element={<ImportsPage />} />
  </>
);
