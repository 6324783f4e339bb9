import { describe, expect, it } from "vitest";
import { normalisePatentType } from "./patent-type.js";
import { parsePublicationNumber } from "./publication-number.js";

describe("normalisePatentType", () => {
  it.each([
    ["发明公布", "CN112345678A", "invention_application", "raw"],
    ["发明申请", "CN112345678A", "invention_application", "raw"],
    ["发明公开", "CN116245100A", "invention_application", "raw"],
    ["发明授权", "CN112345678B", "invention_grant", "raw"],
    ["实用新型", "CN218751475U", "utility_model", "raw"],
    ["外观设计", "CN303647680S", "design", "raw"],
    ["发明公开;发明授权", "CN115883397A", "invention_application", "raw"],
    ["发明公开;发明授权", "CN115883397B", "invention_grant", "raw"],
    ["发明公布", "CN101232797B", "invention_grant", "kind"], // the document is the grant publication
    ["", "CN112345678A", "invention_application", "kind"],
    ["", "CN100336683C", "invention_grant", "kind"],
    ["", "CN204539205U", "utility_model", "kind"],
    ["", "CN2045392Y", "utility_model", "kind"],
    ["", "CN303647680S", "design", "kind"],
    ["", "CN3036476D", "design", "kind"],
    ["", "US20170158175A1", "invention_application", "kind"],
    ["", "US9650054B1", "invention_grant", "kind"],
    ["", "US9666937B2", "invention_grant", "kind"],
    ["", "EP3678911A1", "invention_application", "kind"],
    ["", "EP2948928B1", "invention_grant", "kind"],
    ["", "WO2020226886A1", "invention_application", "kind"],
    ["", "USD786892", "design", "kind"],
    ["", "USD874956S", "design", "kind"],
    ["", "CA177918S", "design", "kind"],
    ["", "USRE46966E1", "invention_grant", "kind"],
    ["", "DE202018100323U1", "utility_model", "kind"],
    ["", "DE112019002080T5", "invention_application", "kind"],
    ["", "ES2749698T3", "invention_grant", "kind"],
    ["", "GB201618084D0", "invention_application", "kind"],
    ["", "WO2017095614", "invention_application", "default"],
    // An explicit word wins over a non-CN kind-code guess; old US grants carry kind 'A'.
    ["发明授权", "US5433384A", "invention_grant", "raw"],
    ["", "US5433384A", "invention_grant", "kind"],
    ["发明授权", "EP1234567A1", "invention_grant", "raw"],
    ["", "US20010001234A1", "invention_application", "kind"],
  ])("%s %s → %s (%s)", (raw, pubNo, type, basis) => {
    const pub = parsePublicationNumber(pubNo);
    expect(pub).not.toBeNull();
    expect(normalisePatentType(raw, pub!)).toEqual({ type, basis });
  });
});
