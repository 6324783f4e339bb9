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

/**
 * The pages' own Chinese catalogue, merged top-level into the i18next resources beside zh.ts (i18n/index.ts);
 * catalogue.test.ts checks that no key here shadows one of zh.ts.
 */
export const pagesZh = {
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
} as const;
