import { z } from "zod";
import { AdminRoleName, OrgKind, Username } from "./accounts.js";

/** Registration answers the same whether or not the user, ID number or organisation is already known. */
export const RegisterResponse = z.object({
  submitted: z.literal(true),
  username: z.string(),
  message: z.string(),
});
export type RegisterResponse = z.infer<typeof RegisterResponse>;

/** An owner's invitation as the invitee sees it; nobody joins an organisation without accepting. */
export const InvitationView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgKind: OrgKind,
  invitedBy: z.string(),
  invitedAt: z.string(),
});
export type InvitationView = z.infer<typeof InvitationView>;

/** A claim on an organisation someone else registered (same credit code): no access until approved. */
export const ClaimStatus = z.enum(["pending", "approved", "rejected"]);
export const ClaimView = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  orgCode: z.string(),
  district: z.string().nullable(),
  claimant: z.object({ userId: z.number().int(), username: z.string(), displayName: z.string() }),
  status: ClaimStatus,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ClaimView = z.infer<typeof ClaimView>;

/** What waits for the signed-in user: invitations to answer and the state of their own claims. */
export const MyOrgRequests = z.object({ invitations: z.array(InvitationView), claims: z.array(ClaimView) });
export type MyOrgRequests = z.infer<typeof MyOrgRequests>;

export const RequestIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
export const InviteRequest = z.object({ username: Username });
export const DecideRequest = z.object({ reason: z.string().trim().max(200).optional() });

/** Revealing personal data needs a stated reason, kept in the audit row. */
export const RevealRequest = z.object({
  reason: z.string().trim().min(2, "请说明查看原因 · state why you need the full data").max(200),
});

/** An administrator account created or changed only once a second, different administrator approves. */
export const AdminRequestView = z.object({
  id: z.number().int(),
  kind: z.enum(["create", "status"]),
  status: ClaimStatus,
  targetUserId: z.number().int().nullable(),
  username: z.string(),
  role: AdminRoleName.nullable(),
  newStatus: z.enum(["active", "disabled"]).nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AdminRequestView = z.infer<typeof AdminRequestView>;
export const AdminRequestQuery = z.object({ status: ClaimStatus.optional() });
