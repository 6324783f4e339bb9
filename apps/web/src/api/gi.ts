import type { GiList, GiListQuery, GiMap, GiProduct, GiProductInput } from "@zhichan/shared";
import { getJson, send } from "./client";

/** The GI register: public list, entry and map counts; officials add and change entries. */
export const listGi = (q: GiListQuery, signal?: AbortSignal) =>
  getJson<GiList>("/gi", q as Record<string, string | number | undefined>, signal);
export const getGiMap = (signal?: AbortSignal) => getJson<GiMap>("/gi/map", undefined, signal);
export const getGi = (id: number, signal?: AbortSignal) => getJson<GiProduct>(`/gi/${id}`, undefined, signal);
export const createGi = (input: GiProductInput) => send<GiProduct>("POST", "/gi", input);
export const updateGi = (id: number, input: GiProductInput) => send<GiProduct>("PUT", `/gi/${id}`, input);
