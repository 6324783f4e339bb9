import { lazy } from "react";
import { Route } from "react-router-dom";

const ServicesPage = lazy(() => import("./AreaServices").then((m) => ({ default: m.ServicesPage })));
const ApplyPage = lazy(() => import("./ApplyPage").then((m) => ({ default: m.ApplyPage })));
const CaseListPage = lazy(() => import("./CaseListPage").then((m) => ({ default: m.CaseListPage })));
const CaseDetailPage = lazy(() => import("./CaseDetailPage").then((m) => ({ default: m.CaseDetailPage })));
const ProtectionPage = lazy(() => import("../protection/ProtectionPage").then((m) => ({ default: m.ProtectionPage })));
const OperationsPage = lazy(() => import("../operations/OperationsPage").then((m) => ({ default: m.OperationsPage })));
const MarketplacePage = lazy(() =>
  import("../operations/MarketplacePage").then((m) => ({ default: m.MarketplacePage })),
);
const ValuationPage = lazy(() => import("../operations/ValuationPage").then((m) => ({ default: m.ValuationPage })));
const AssetValuationPage = lazy(() =>
  import("../operations/AssetValuationPage").then((m) => ({ default: m.AssetValuationPage })),
);
const TalentPage = lazy(() => import("../talent/TalentPage").then((m) => ({ default: m.TalentPage })));

/** The one-stop services' pages (case engine), placed inside the app's <Routes>. */
export const caseRoutes = (
  <>
    <Route path="/services" element={<ServicesPage />} />
    <Route path="/protection" element={<ProtectionPage />} />
    <Route path="/operations" element={<OperationsPage />} />
    <Route path="/marketplace" element={<MarketplacePage />} />
    <Route path="/valuation" element={<ValuationPage />} />
    <Route path="/valuation/assets" element={<AssetValuationPage />} />
    <Route path="/talent" element={<TalentPage />} />
    <Route path="/cases/new/:type" element={<ApplyPage />} />
    <Route path="/cases/mine" element={<CaseListPage which="mine" />} />
    <Route path="/cases/queue" element={<CaseListPage which="queue" />} />
    <Route path="/cases/assigned" element={<CaseListPage which="assigned" />} />
    <Route path="/cases/:id" element={<CaseDetailPage />} />
  </>
);
