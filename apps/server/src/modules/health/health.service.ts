import type { HealthResponse } from "@zhichan/shared";
import type { Db } from "../../db/connection.js";
import type { SearchService } from "../search/search.service.js";

export const VERSION = "0.1.0";

export class HealthService {
  constructor(
    private readonly db: Db,
    private readonly search: SearchService,
  ) {}

  status(): HealthResponse {
    const { n } = this.db.sqlite.prepare("SELECT count(*) AS n FROM patents").get() as { n: number };
    return { status: "ok", version: VERSION, patents: n, indexedDocs: this.search.indexedDocs };
  }
}
