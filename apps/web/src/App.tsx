import { App as AntApp, ConfigProvider } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AppLayout } from "./components/AppLayout";
import { PageLoading } from "./components/PageLoading";
import { antdLocale } from "./i18n/componentLocales";
// administration: users, approvals, security policy, audit log, personal data (scenes/admin)
import { adminRoutes } from "./scenes/admin/adminRoutes";
// cases: one-stop services, protection, operations, talent (scenes/cases, protection, operations, talent)
import { caseRoutes } from "./scenes/cases/caseRoutes";
// public information: notices, guides, directories, and the officials' publishing pages (scenes/content)
import { contentRoutes } from "./scenes/content/contentRoutes";
import { HomePage } from "./scenes/home/HomePage";
import { NotFoundPage } from "./scenes/notfound/NotFoundPage";
// officials' tools: registry, surveys, supervision, plan dashboard (scenes/registry, surveys, supervision, plan)
import { officialRoutes } from "./scenes/plan/officialRoutes";
import { SearchPage } from "./scenes/search/SearchPage";
// 咨询, 预约, 好差评 (scenes/servicedesk)
import { serviceDeskRoutes } from "./scenes/servicedesk/serviceDeskRoutes";
// accounts: sign-in, registration, first-start setup, audit log (scenes/signin, scenes/audit)
import { accountRoutes } from "./scenes/signin/accountRoutes";
import { FONT_STACK, THEME } from "./theme";

const PatentPage = lazy(() => import("./scenes/patent/PatentPage").then((m) => ({ default: m.PatentPage })));
// analytics: patent navigation reports and industry thematic databases (scenes/navigation, scenes/industries)
const NavigationPage = lazy(() =>
  import("./scenes/navigation/NavigationPage").then((m) => ({ default: m.NavigationPage })),
);
const ReportPage = lazy(() => import("./scenes/navigation/ReportPage").then((m) => ({ default: m.ReportPage })));
const IndustriesPage = lazy(() =>
  import("./scenes/industries/IndustriesPage").then((m) => ({ default: m.IndustriesPage })),
);
const IndustryPage = lazy(() => import("./scenes/industries/IndustryPage").then((m) => ({ default: m.IndustryPage })));
// technology–effect matrix over any hit set, applicants side by side (issue #16 items 4, 5)
const MatrixPage = lazy(() => import("./scenes/matrix/MatrixPage").then((m) => ({ default: m.MatrixPage })));
const ComparePage = lazy(() => import("./scenes/applicant/ComparePage").then((m) => ({ default: m.ComparePage })));
const ApplicantPage = lazy(() =>
  import("./scenes/applicant/ApplicantPage").then((m) => ({ default: m.ApplicantPage })),
);

/** Providers (antd locale + theme follow the UI language) and the routes. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={antdLocale(i18n.language)}
      theme={{ ...THEME, token: { ...THEME.token, fontFamily: FONT_STACK } }}
    >
      <AntApp>
        <BrowserRouter>
          <AppLayout>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/search" element={<SearchPage />} />
                <Route path="/patents/:id" element={<PatentPage />} />
                <Route path="/applicants/compare" element={<ComparePage />} />
                <Route path="/applicants/:id" element={<ApplicantPage />} />
                <Route path="/matrix" element={<MatrixPage />} />
                {/* analytics: navigation reports, industry databases */}
                <Route path="/navigation" element={<NavigationPage />} />
                <Route path="/navigation/reports/:id" element={<ReportPage />} />
                <Route path="/industries" element={<IndustriesPage />} />
                <Route path="/industries/:id" element={<IndustryPage />} />
                {/* accounts: /signin /register /setup /audit */}
                {accountRoutes}
                {/* cases: /services /protection /operations /marketplace /valuation /talent /cases/… */}
                {/* service desk: /consult /appointments /service-quality … */}
                {serviceDeskRoutes}
                {caseRoutes}
                {/* public information: /notices /guides /directory /content/manage /directory/manage */}
                {contentRoutes}
                {/* officials: /plan /registry /surveys /supervision … */}
                {officialRoutes}
                {/* administration: /admin/users /admin/requests /admin/security /admin/audit /admin/people */}
                {adminRoutes}
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </AppLayout>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
