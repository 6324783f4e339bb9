import { lazy } from "react";
import { Route } from "react-router-dom";

const NoticesPage = lazy(() => import("./NoticesPage").then((m) => ({ default: m.NoticesPage })));
const NoticePage = lazy(() => import("./NoticePage").then((m) => ({ default: m.NoticePage })));
const GuidesPage = lazy(() => import("./GuidesPage").then((m) => ({ default: m.GuidesPage })));
const GuidePage = lazy(() => import("./GuidePage").then((m) => ({ default: m.GuidePage })));
const DirectoryPage = lazy(() => import("./DirectoryPage").then((m) => ({ default: m.DirectoryPage })));
const ContentManagePage = lazy(() => import("./ContentManagePage").then((m) => ({ default: m.ContentManagePage })));
const DirectoryManagePage = lazy(() =>
  import("./DirectoryManagePage").then((m) => ({ default: m.DirectoryManagePage })),
);

/** 信息公开: notices, guides, directories (public), and the officials' publishing pages, inside the app's <Routes>. */
export const contentRoutes = (
  <>
    <Route path="/notices" element={<NoticesPage />} />
    <Route path="/notices/:id" element={<NoticePage />} />
    <Route path="/guides" element={<GuidesPage />} />
    <Route path="/guides/:caseType" element={<GuidePage />} />
    <Route path="/directory" element={<DirectoryPage />} />
    <Route path="/content/manage" element={<ContentManagePage />} />
    <Route path="/directory/manage" element={<DirectoryManagePage />} />
  </>
);
