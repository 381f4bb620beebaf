import { z } from "zod";

export const SECRET_STATUSES = ["active", "viewed", "expired", "burned"] as const;
export const DASHBOARD_PAGE_SIZE = 20;

export const ZDashboardQuery = z.strictObject({
  scope: z.enum(["mine", "team"]).default("mine"),
  status: z.enum(SECRET_STATUSES).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

const ZPerson = z.strictObject({ email: z.string(), name: z.string().nullable() });

export const ZDashboardSecret = z.strictObject({
  id: z.string(),
  label: z.string().nullable(),
  status: z.enum(SECRET_STATUSES),
  creator: ZPerson.nullable(),
  teamName: z.string().nullable(),
  restrictedToTeam: z.boolean(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  viewsUsed: z.number().int(),
  maxViews: z.number().int(),
  lastOpenedAt: z.iso.datetime().nullable(),
  lastOpenedBy: ZPerson.nullable(),
  canBurn: z.boolean(),
});

export const ZDashboardListResponse = z.strictObject({
  secrets: z.array(ZDashboardSecret),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});

export const ZAccessEvent = z.strictObject({
  at: z.iso.datetime(),
  secretId: z.string(),
  label: z.string().nullable(),
  kind: z.enum(["revealed", "wrong_proof", "refused_signed_out", "refused_not_member", "burned"]),
  user: ZPerson.nullable(),
  ipPrefix: z.string().nullable(),
  browser: z.string().nullable(),
  viewsLeft: z.number().int().nullable(),
});

export const ZAccessLogResponse = z.strictObject({ events: z.array(ZAccessEvent) });

export const ZTeamSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(["admin", "member"]),
  policy: z.strictObject({
    maxExpiresInSeconds: z.number().int().nullable(),
    maxViews: z.number().int().nullable(),
    requirePassphrase: z.boolean(),
  }),
});

export const ZMeResponse = z.strictObject({
  user: z.strictObject({ id: z.string(), email: z.string(), name: z.string().nullable(), isInstanceAdmin: z.boolean() }),
  teams: z.array(ZTeamSummary),
});

export type TDashboardQuery = z.infer<typeof ZDashboardQuery>;
export type TDashboardSecret = z.infer<typeof ZDashboardSecret>;
export type TDashboardListResponse = z.infer<typeof ZDashboardListResponse>;
export type TAccessEvent = z.infer<typeof ZAccessEvent>;
export type TAccessLogResponse = z.infer<typeof ZAccessLogResponse>;
export type TMeResponse = z.infer<typeof ZMeResponse>;
