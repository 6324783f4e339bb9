import type { Widen } from "../types";
import type { pagesZh } from "../zh";
import { industries, navigation, report } from "./analytics";
import { cases, services } from "./cases";
import { codes } from "./codes";
import { common } from "./common";
import { fields, validation } from "./forms";
import { gi, ipAssets } from "./gi";
import { compare, matrix } from "./matrix";
import { mergeSuggestions } from "./mergeSuggestions";
import { registry, supervision, surveys } from "./officials";
import { myOrgs } from "./orgs";
import { plan } from "./plan";
import { publicInfo } from "./publicInfo";
import { querySyntax } from "./query";
import { searchAssist } from "./searchAssist";
import { searchUi } from "./searchUi";
import { serviceDesk } from "./serviceDesk";
import { signin } from "./signin";
import { watches } from "./watches";

/** The pages' English catalogue: the type makes it hold every key of the Chinese one. */
export const pagesEn: Widen<typeof pagesZh> = {
  common,
  codes,
  fields,
  gi,
  ipAssets,
  validation,
  querySyntax,
  signin,
  navigation,
  report,
  industries,
  plan,
  cases,
  services,
  registry,
  surveys,
  supervision,
  searchUi,
  serviceDesk,
  searchAssist,
  myOrgs,
  mergeSuggestions,
  matrix,
  compare,
  publicInfo,
  watches,
};
