import { z } from "zod";

/** Kept equal to packages/core/src/accounts/roles.ts by accounts.contract.test.ts in the server. */
export const ROLE_NAMES = [
  "enterprise",
  "agency",
  "official",
  "expert",
  "mediator",
  "investigator",
  "sysadmin",
  "secadmin",
  "auditadmin",
] as const;
export const RoleName = z.enum(ROLE_NAMES);
export type RoleName = z.infer<typeof RoleName>;
export const AdminRoleName = z.enum(["sysadmin", "secadmin", "auditadmin"]);
export const BusinessRoleName = z.enum(["enterprise", "agency", "official", "expert", "mediator", "investigator"]);

export const PERMISSION_NAMES = [
  "case:apply",
  "case:assigned",
  "case:read",
  "case:decide",
  "org:members",
  "survey:file",
  "dashboard:read",
  "industry:write",
  "report:publish",
  "pii:reveal",
  "user:read",
  "user:create",
  "user:disable",
  "system:config",
  "role:assign",
  "user:unlock",
  "security:policy",
  "audit:read",
  "audit:export",
  // registry, surveys, supervision, plan (modules/registry, surveys, supervision, plan)
  "registry:read",
  "registry:write",
  "survey:manage",
  "supervision:read",
  "brand:apply",
  "plan:edit",
  // imports and entities (modules/data-quality, applicants)
  "data:import",
  // content: notices, policies, news and 办事指南 (modules/content)
  "content:publish",
] as const;
export const PermissionName = z.enum(PERMISSION_NAMES);
export type PermissionName = z.infer<typeof PermissionName>;

export const ACCOUNT_LIMITS = { maxPasswordLength: 128, totpDigits: 6 } as const;

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9_.-]{2,31}$/, "3–32 letters, digits, _ . - · 用户名 3–32 位字母、数字或 _ . -");
export const Password = z.string().min(1).max(ACCOUNT_LIMITS.maxPasswordLength);
/** Six-digit county-level division code, e.g. 410105 金水区. */
export const DistrictCode = z.string().regex(/^\d{6}$/, "six-digit division code");
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "six digits");

export const RoleGrant = z.object({ role: RoleName, district: DistrictCode.nullable().default(null) });
export type RoleGrant = z.infer<typeof RoleGrant>;

export const OrgKind = z.enum(["enterprise", "agency"]);
export const OrgMembership = z.object({
  orgId: z.number().int(),
  name: z.string(),
  kind: OrgKind,
  orgRole: z.enum(["owner", "member"]),
});

/** Where a signed-in session stands: anything but "ok" allows only the steps that lead to "ok". */
export const SESSION_STAGES = [
  "anonymous",
  "ok",
  "totp_required",
  "totp_setup_required",
  "password_change_required",
] as const;
export const SessionStage = z.enum(SESSION_STAGES);
export type SessionStage = z.infer<typeof SessionStage>;

export const SessionUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(RoleGrant),
  permissions: z.array(PermissionName),
  /** The district an official is scoped to; null = city-wide or not an official. */
  district: z.string().nullable(),
  orgs: z.array(OrgMembership),
});
export type SessionUser = z.infer<typeof SessionUser>;

export const SessionResponse = z.object({
  stage: SessionStage,
  user: SessionUser.nullable(),
  /** Send back as X-CSRF-Token on every POST/PUT/PATCH/DELETE. */
  csrfToken: z.string().nullable(),
  idleExpiresAt: z.string().nullable(),
  absoluteExpiresAt: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const CsrfResponse = z.object({ csrfToken: z.string() });
export const OkResponse = z.object({ ok: z.literal(true) });

export const SignInRequest = z.object({ username: z.string().trim().toLowerCase().min(1).max(64), password: Password });
export type SignInRequest = z.input<typeof SignInRequest>;
export const SignOutRequest = z.object({ everywhere: z.boolean().optional() }).optional();
export const TotpVerifyRequest = z.object({ code: TotpCode });
export const TotpSetupResponse = z.object({ secret: z.string(), otpauthUri: z.string() });
export type TotpSetupResponse = z.infer<typeof TotpSetupResponse>;
export const ChangePasswordRequest = z.object({ currentPassword: Password, newPassword: Password });

export const PasswordPolicyInfo = z.object({
  name: z.enum(["dengbao", "asvs"]),
  minLength: z.number().int(),
  maxLength: z.number().int(),
  minClasses: z.number().int(),
  maxAgeDays: z.number().int().nullable(),
  historyCount: z.number().int(),
});
export type PasswordPolicyInfo = z.infer<typeof PasswordPolicyInfo>;

export const Phone = z.string().trim().max(20);
export const IdNumber = z.string().trim().max(30);

export const RegisterRequest = z.object({
  username: Username,
  password: Password,
  displayName: z.string().trim().min(1).max(50),
  phone: Phone.optional(),
  idNumber: IdNumber.optional(),
  orgKind: OrgKind,
  orgName: z.string().trim().min(2).max(100),
  /** 统一社会信用代码, checked against GB 32100. */
  orgCode: z.string().trim().toUpperCase().length(18),
  district: DistrictCode.optional(),
});
export type RegisterRequest = z.input<typeof RegisterRequest>;

export const SetupRequest = z.object({
  code: z.string().trim().min(8).max(64),
  username: Username,
  password: Password,
  displayName: z.string().trim().min(1).max(50),
});
export type SetupRequest = z.input<typeof SetupRequest>;

export const UserSummary = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  status: z.enum(["active", "disabled"]),
  roles: z.array(RoleGrant),
  /** Masked; the plain value needs pii:reveal and is audited. */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  totpEnabled: z.boolean(),
  locked: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: RoleName.optional(),
  /** "locked": locked out by failed sign-ins right now (the security administrator unlocks). */
  status: z.enum(["active", "disabled", "locked"]).optional(),
  /** Users of this district: an official scoped to it, or a member of an organisation in it. */
  district: DistrictCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const UserList = z.object({ total: z.number().int(), users: z.array(UserSummary) });
export type UserList = z.infer<typeof UserList>;

export const CreateUserRequest = z.object({
  username: Username,
  displayName: z.string().trim().min(1).max(50),
  /** Initial password; the user must change it at first sign-in. */
  password: Password,
  phone: Phone.optional(),
  idNumber: IdNumber.optional(),
  /** Only the system administrator creates administrator accounts; business roles come from the security admin. */
  adminRole: AdminRoleName.optional(),
});
export type CreateUserRequest = z.input<typeof CreateUserRequest>;

export const SetRolesRequest = z.object({ roles: z.array(RoleGrant.extend({ role: BusinessRoleName })).max(10) });
export const UpdateProfileRequest = z.object({
  displayName: z.string().trim().min(1).max(50).optional(),
  phone: Phone.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
});
export const Profile = UserSummary;
export const RevealResponse = z.object({ phone: z.string().nullable(), idNumber: z.string().nullable() });
export const UserIdParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const OrgMember = z.object({
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  orgRole: z.enum(["owner", "member"]),
});
export const OrgDetail = z.object({
  id: z.number().int(),
  kind: OrgKind,
  name: z.string(),
  code: z.string(),
  district: z.string().nullable(),
  members: z.array(OrgMember),
  /** Pending invitations (by username, known or not); they join only by accepting. Owners' view only. */
  invitations: z.array(z.object({ id: z.number().int(), username: z.string(), invitedAt: z.string() })),
  /** Pending claims on this organisation by someone registering with its credit code. Owners' view only. */
  claims: z.array(
    z.object({ id: z.number().int(), username: z.string(), displayName: z.string(), createdAt: z.string() }),
  ),
});
export type OrgDetail = z.infer<typeof OrgDetail>;
export const AddMemberRequest = z.object({ username: Username });
export const OrgMemberParams = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  userId: z.coerce.number().int().min(1).max(2_147_483_647),
});

/** Audit actions the platform writes; other modules add their own (e.g. case.decision). */
export const AUDIT_ACTIONS = [
  "auth.signin",
  "auth.signin_failed",
  "auth.signout",
  "auth.totp_enrolled",
  "auth.totp_failed",
  "auth.password_changed",
  "account.registered",
  "account.created",
  "account.disabled",
  "account.enabled",
  "account.unlocked",
  "account.profile_changed",
  "permission.changed",
  "org.member_added",
  "org.member_removed",
  "org.member_invited",
  "org.invitation_cancelled",
  "org.invitation_accepted",
  "org.invitation_declined",
  "org.member_left",
  "org.owner_added",
  "org.claim_submitted",
  "org.claim_approved",
  "org.claim_rejected",
  "admin.request_submitted",
  "admin.request_approved",
  "admin.request_rejected",
  "pii.revealed",
  "data.export",
  "case.decision",
  "case.read",
  "case.attachment_download",
  "report.publish",
  "audit.chain_keyed",
  "setup.admin_created",
] as const;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(["success", "failure", "denied"]),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, "YYYY-MM-DD or ISO date-time");
export const AuditQuery = z.object({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  actor: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  outcome: z.enum(["success", "failure", "denied"]).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** Cursor: entries with seq below this (newest first). */
  before: z.coerce.number().int().min(1).optional(),
});
export type AuditQuery = z.input<typeof AuditQuery>;
export type AuditQueryParsed = z.output<typeof AuditQuery>;
export const AuditExportQuery = AuditQuery.omit({ limit: true, before: true });
export const AuditPage = z.object({ entries: z.array(AuditEntry), nextBefore: z.number().int().nullable() });
export type AuditPage = z.infer<typeof AuditPage>;
/**
 * What verification found wrong: the log does not start at entry 1, a gap in the numbering, a broken link, an entry
 * whose content no longer matches its hash, unkeyed entries left unsealed, no keyed entry at all, a checkpoint not
 * signed with the audit key, a log shorter than a checkpoint recorded, an entry that differs from a checkpoint.
 */
export const AuditProblem = z.enum([
  "start",
  "gap",
  "link",
  "content",
  "unsealed",
  "unkeyed",
  "checkpoint_forged",
  "truncated",
  "rewritten",
]);
export type AuditProblem = z.infer<typeof AuditProblem>;
export const AuditVerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  /** The first entry whose hash or link does not match; null when the chain is intact. */
  firstBadSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
  problem: AuditProblem.nullable(),
  /** Signed checkpoints of the head compared with the log (outside the database: they catch a deleted tail). */
  checkpoints: z.number().int(),
  /** The checkpoint file is missing, so a deleted tail could not be detected. */
  checkpointsMissing: z.boolean(),
});
export type AuditVerifyResponse = z.infer<typeof AuditVerifyResponse>;
