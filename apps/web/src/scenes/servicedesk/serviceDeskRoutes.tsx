import { type JSX, lazy } from "react";
import { Route } from "react-router-dom";

const page = <K extends string>(load: () => Promise<Record<K, () => JSX.Element>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));
const ConsultPage = page(() => import("./ConsultPage"), "ConsultPage");
const ConsultTokenPage = page(() => import("./ConsultTokenPage"), "ConsultTokenPage");
const ConsultQueuePage = page(() => import("./ConsultQueuePage"), "ConsultQueuePage");
const AppointmentsPage = page(() => import("./AppointmentsPage"), "AppointmentsPage");
const WindowsManagePage = page(() => import("./WindowsManagePage"), "WindowsManagePage");
const ServiceQualityPage = page(() => import("./ServiceQualityPage"), "ServiceQualityPage");

/** 咨询, 预约, 好差评 (modules/service-desk), placed inside the app's <Routes>. */
export const serviceDeskRoutes = (
  <>
    <Route path="/consult" element={<ConsultPage />} />
    <Route path="/consult/q/:token" element={<ConsultTokenPage />} />
    <Route path="/consult/queue" element={<ConsultQueuePage />} />
    <Route path="/appointments" element={<AppointmentsPage />} />
    <Route path="/appointments/manage" element={<WindowsManagePage />} />
    <Route path="/service-quality" element={<ServiceQualityPage />} />
  </>
);
