import type { OrgRef } from "./people.repository.js";

/**
 * The organisations a user is an ACCEPTED member of, asked of the accounts service (OrgsService.acceptedOrgs) at the
 * moment of every check and never copied onto a case: leaving or being removed ends a person's access to the
 * organisation's cases at once, and an invitation nobody accepted gives none (issue #13, forced membership).
 */
export type AcceptedOrgs = (userId: number) => readonly OrgRef[];
