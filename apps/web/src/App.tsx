import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { AppLayout } from "./components/AppLayout";
import { PageLoading } from "./components/PageLoading";
import { HomePage } from "./scenes/home/HomePage";
import { NotFoundPage } from "./scenes/notfound/NotFoundPage";
import { SearchPage } from "./scenes/search/SearchPage";
// accounts: sign-in, registration, first-start setup, audit log (scenes/signin, scenes/audit)
import { accountRoutes } from "./scenes/signin/accountRoutes";
import { FONT_STACK, THEME } from "./theme";

const PatentPage = lazy(() => import("./scenes/patent/PatentPage").then((m) => ({ default: m.PatentPage })));
const ApplicantPage = lazy(() =>
  import("./scenes/applicant/ApplicantPage").then((m) => ({ default: m.ApplicantPage })),
);

/** Providers (antd locale + theme follow the UI language) and the routes. */
export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === "en" ? enUS : zhCN}
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
                <Route path="/applicants/:id" element={<ApplicantPage />} />
                {/* accounts: /signin /register /setup /audit */}
                {accountRoutes}
                <Route path="*" element={<NotFoundPage />} />
              </Routes>
            </Suspense>
          </AppLayout>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
