export type TTeamRole = "admin" | "member";

export type TUserRecord = { id: string; email: string; name: string | null; createdAt: Date };

export type TTeamPolicy = { maxExpiresInSeconds: number | null; maxViews: number | null; requirePassphrase: boolean };

export type TMembershipRecord = {
  teamId: string;
  teamName: string;
  role: TTeamRole;
  source: "idp" | "manual";
  policy: TTeamPolicy;
};

export type TSessionRecord = { id: string; userId: string; expiresAt: Date };

export type TSignedInUser = TUserRecord & { memberships: TMembershipRecord[]; sessionExpiresAt: Date };
