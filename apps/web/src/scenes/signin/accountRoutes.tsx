import { lazy } from "react";
import { Route } from "react-router-dom";

const SignInPage = lazy(() => import("./SignInPage").then((m) => ({ default: m.SignInPage })));
const RegisterPage = lazy(() => import("./RegisterPage").then((m) => ({ default: m.RegisterPage })));
const SetupPage = lazy(() => import("./SetupPage").then((m) => ({ default: m.SetupPage })));
const MyOrgsPage = lazy(() => import("../orgs/MyOrgsPage").then((m) => ({ default: m.MyOrgsPage })));
const MePage = lazy(() => import("../me/MePage").then((m) => ({ default: m.MePage })));
const WatchesPage = lazy(() => import("../watches/WatchesPage").then((m) => ({ default: m.WatchesPage })));
const AlertPage = lazy(() => import("../watches/AlertPage").then((m) => ({ default: m.AlertPage })));

/**
 * The accounts pages, placed inside the app's <Routes> (react-router reads <Route>s through fragments). The audit log
 * and the administrator approvals are administration pages now (scenes/admin/adminRoutes.tsx).
 */
export const accountRoutes = (
  <>
    <Route path="/signin" element={<SignInPage />} />
    <Route path="/register" element={<RegisterPage />} />
    <Route path="/setup" element={<SetupPage />} />
    <Route path="/orgs" element={<MyOrgsPage />} />
    <Route path="/me" element={<MePage />} />
    <Route path="/me/watches" element={<WatchesPage />} />
    <Route path="/alerts/:id" element={<AlertPage />} />
  </>
);
