import type {
  ContentFile,
  ContentInput,
  ContentItem,
  ContentKind,
  ContentPage,
  DirectoryKind,
  DirectoryPage,
  Guide,
  GuideInput,
  ListingInput,
  ListingRow,
} from "@zhichan/shared";
import { apiUrl, fileToBase64, getJson, send } from "./client";

/** Notices, policies and news (public reads; officials' writes under /content/manage). */
export interface ContentListQuery {
  kind?: ContentKind;
  category?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}
export const listContent = (q: ContentListQuery, signal?: AbortSignal) =>
  getJson<ContentPage>("/content/items", { ...q }, signal);
export const getContent = (id: number, signal?: AbortSignal) =>
  getJson<ContentItem>(`/content/items/${id}`, {}, signal);
export const contentFileUrl = (itemId: number, fileId: number, manage = false) =>
  apiUrl(`/content/${manage ? "manage/" : ""}items/${itemId}/files/${fileId}`);

export const manageContent = (q: ContentListQuery, signal?: AbortSignal) =>
  getJson<ContentPage>("/content/manage/items", { ...q }, signal);
export const getManagedContent = (id: number, signal?: AbortSignal) =>
  getJson<ContentItem>(`/content/manage/items/${id}`, {}, signal);
export const saveContent = (id: number | null, input: ContentInput) =>
  id === null
    ? send<ContentItem>("POST", "/content/manage/items", input)
    : send<ContentItem>("PUT", `/content/manage/items/${id}`, input);
export const attachContentFile = async (id: number, file: File) =>
  send<ContentFile>("POST", `/content/manage/items/${id}/files`, {
    fileName: file.name,
    contentBase64: await fileToBase64(file),
  });
export const removeContentFile = (id: number, fileId: number) =>
  send<{ ok: true }>("DELETE", `/content/manage/items/${id}/files/${fileId}`);

/** 办事指南 per case type. */
export const listGuides = (signal?: AbortSignal) =>
  getJson<{ items: { caseType: string; updatedAt: string }[] }>("/content/guides", {}, signal);
export const getGuide = (caseType: string, signal?: AbortSignal) =>
  getJson<Guide>(`/content/guides/${caseType}`, {}, signal);
export const guideTemplateUrl = (caseType: string, fileId: number) =>
  apiUrl(`/content/guides/${caseType}/templates/${fileId}`);
export const saveGuide = (caseType: string, g: GuideInput) =>
  send<Guide>("PUT", `/content/manage/guides/${caseType}`, g);
export const addGuideTemplate = async (caseType: string, file: File) =>
  send<ContentFile>("POST", `/content/manage/guides/${caseType}/templates`, {
    fileName: file.name,
    contentBase64: await fileToBase64(file),
  });
export const removeGuideTemplate = (caseType: string, fileId: number) =>
  send<{ ok: true }>("DELETE", `/content/manage/guides/${caseType}/templates/${fileId}`);

/** Public directories and what each entry publishes. */
export const getDirectory = (kind: DirectoryKind, signal?: AbortSignal) =>
  getJson<DirectoryPage>(`/directory/${kind}`, {}, signal);
export const getListings = (kind: DirectoryKind, signal?: AbortSignal) =>
  getJson<{ items: ListingRow[] }>(`/directory/manage/${kind}`, {}, signal);
export const saveListing = (entity: "org" | "person", id: number, l: ListingInput) =>
  send<{ ok: true }>("PUT", `/directory/manage/${entity}/${id}`, l);
