import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteUser, type TDatabase } from "@/lib/db";
import { ZAccessLogResponse, ZApiErrorBody, ZDashboardListResponse, ZMeResponse } from "@/lib/validation";
import { testDatabaseKinds } from "../helpers/test-databases";
import { proofFor, sealForTest, startTestApi, type TTestApi } from "../helpers/test-api";
import { createSignedInUser, SIGN_IN_TEST_ENV, TEST_APP_ORIGIN, type TTestUser } from "../helpers/test-users";

const kinds = await testDatabaseKinds();

async function errorCode(response: Response): Promise<string> {
  return ZApiErrorBody.parse(await response.json()).error.code;
}

describe.each(kinds)("teams on %s", (kind) => {
  let api: TTestApi;
  let db: TDatabase;
  let alice: TTestUser; // platform admin
  let bob: TTestUser; // platform member
  let carol: TTestUser; // payments admin

  const createAs = async (user: TTestUser | null, extras: Record<string, unknown> = {}, options: { passphrase?: string; maxViews?: number } = {}) => {
    const sealed = await sealForTest({ text: "team secret", passphrase: options.passphrase });
    const response = await api.postJson(
      "/api/v1/secrets",
      { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: options.maxViews ?? 2, ...extras },
      { headers: user?.headers ?? {} },
    );
    return { response, sealed };
  };
  const createdId = async (user: TTestUser, extras: Record<string, unknown> = {}) => {
    const { response, sealed } = await createAs(user, extras);
    expect(response.status).toBe(201);
    return { id: ((await response.json()) as { id: string }).id, sealed };
  };
  const revealAs = async (user: TTestUser | null, id: string, sealed: Awaited<ReturnType<typeof sealForTest>>) => {
    const { proof } = await proofFor(sealed);
    return api.postJson(`/api/v1/secrets/${id}/reveal`, { proof }, { headers: user?.headers ?? {}, socketIp: "198.51.100.77" });
  };
  const viewsLeft = async (id: string) => ((await (await api.call(`/api/v1/secrets/${id}`)).json()) as { viewsLeft: number }).viewsLeft;
  const listAs = async (user: TTestUser, query: string) =>
    ZDashboardListResponse.parse(await (await api.call(`/api/v1/dashboard/secrets?${query}`, { headers: user.headers })).json());

  beforeAll(async () => {
    api = await startTestApi({ kind, env: { ...SIGN_IN_TEST_ENV, ADMIN_EMAILS: "alice@acme.test" } });
    db = api.context.db;
    alice = await createSignedInUser(db, { email: "alice@acme.test", teams: [{ teamName: "platform", role: "admin" }] });
    bob = await createSignedInUser(db, { email: "bob@acme.test", teams: [{ teamName: "platform", role: "member" }] });
    carol = await createSignedInUser(db, { email: "carol@acme.test", teams: [{ teamName: "payments", role: "admin" }] });
  });
  afterAll(async () => api?.close());

  it("tells a signed-in user who they are and which teams they belong to", async () => {
    const me = ZMeResponse.parse(await (await api.call("/api/v1/me", { headers: alice.headers })).json());
    expect(me.user).toMatchObject({ email: "alice@acme.test", isInstanceAdmin: true });
    expect(me.teams).toEqual([expect.objectContaining({ name: "platform", role: "admin" })]);
    expect(await errorCode(await api.call("/api/v1/me"))).toBe("sign_in_required");
  });

  it("lets a teammate reveal a team-only link and refuses outsiders without consuming a view", async () => {
    const { id, sealed } = await createdId(alice, { label: "prod db password", restrictTo: "team" });
    const described = (await (await api.call(`/api/v1/secrets/${id}`)).json()) as { restrictedToTeam?: boolean };
    expect(described.restrictedToTeam).toBe(true);

    const signedOut = await revealAs(null, id, sealed);
    api.clock.advanceSeconds(1);
    expect(signedOut.status).toBe(401);
    expect(await errorCode(signedOut)).toBe("sign_in_required");
    const outsider = await revealAs(carol, id, sealed);
    expect(outsider.status).toBe(403);
    expect(await errorCode(outsider)).toBe("not_team_member");
    expect(await viewsLeft(id)).toBe(2);
    api.clock.advanceSeconds(1);

    expect((await revealAs(bob, id, sealed)).status).toBe(200);
    expect(await viewsLeft(id)).toBe(1);

    const log = ZAccessLogResponse.parse(await (await api.call(`/api/v1/dashboard/secrets/${id}/events`, { headers: alice.headers })).json());
    expect(log.events.map((event) => [event.kind, event.user?.email ?? null])).toEqual([
      ["revealed", "bob@acme.test"],
      ["refused_not_member", "carol@acme.test"],
      ["refused_signed_out", null],
    ]);
    expect(log.events[0]?.ipPrefix).toBe("198.51.100.0/24");
    expect(log.events[0]?.viewsLeft).toBe(1);
  });

  it("scopes dashboards, access logs and burns to the caller's own teams", async () => {
    const { id } = await createdId(alice, { label: "platform-only listing check" });
    const carolsOwn = await createdId(carol, { label: "payments key" });

    expect((await listAs(alice, "scope=mine")).secrets.map((secret) => secret.id)).toContain(id);
    const bobsTeamView = await listAs(bob, "scope=team&q=listing");
    expect(bobsTeamView.secrets.map((secret) => secret.id)).toEqual([id]);
    expect(bobsTeamView.secrets[0]).toMatchObject({ label: "platform-only listing check", status: "active", canBurn: false, teamName: "platform" });
    const carolsTeamView = await listAs(carol, "scope=team");
    expect(carolsTeamView.secrets.map((secret) => secret.id)).toEqual([carolsOwn.id]);
    expect((await listAs(carol, "scope=mine")).secrets.map((secret) => secret.id)).not.toContain(id);

    expect((await api.call(`/api/v1/dashboard/secrets/${id}/events`, { headers: carol.headers })).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${id}`, { method: "DELETE", headers: carol.headers })).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${id}`, { method: "DELETE", headers: bob.headers })).status).toBe(404);
    expect((await api.call(`/api/v1/secrets/${id}`)).status).toBe(200);

    const me = ZMeResponse.parse(await (await api.call("/api/v1/me", { headers: alice.headers })).json());
    const platformId = me.teams[0]!.id;
    expect((await api.call(`/api/v1/dashboard/teams/${platformId}/events`, { headers: carol.headers })).status).toBe(404);
    expect((await api.call(`/api/v1/dashboard/teams/${platformId}/events`, { headers: bob.headers })).status).toBe(404);
  });

  it("lets a team admin burn a teammate's link, and shows it burned", async () => {
    const { id } = await createdId(bob, { label: "bob's token" });
    const burned = await api.call(`/api/v1/secrets/${id}`, { method: "DELETE", headers: alice.headers });
    expect(burned.status).toBe(204);
    expect((await api.call(`/api/v1/secrets/${id}`)).status).toBe(404);
    const listed = await listAs(bob, "scope=mine&status=burned");
    expect(listed.secrets.map((secret) => secret.id)).toContain(id);
    const log = ZAccessLogResponse.parse(await (await api.call(`/api/v1/dashboard/secrets/${id}/events`, { headers: bob.headers })).json());
    expect(log.events[0]).toMatchObject({ kind: "burned", user: { email: "alice@acme.test" } });
  });

  it("filters the dashboard by status", async () => {
    const { id, sealed } = await createdId(carol, { label: "status filter" });
    const { proof } = await proofFor(sealed);
    for (let i = 0; i < 2; i++) await api.postJson(`/api/v1/secrets/${id}/reveal`, { proof });
    expect((await listAs(carol, "scope=mine&status=viewed")).secrets.map((secret) => secret.id)).toContain(id);
    expect((await listAs(carol, "scope=mine&status=active")).secrets.map((secret) => secret.id)).not.toContain(id);
    expect((await api.call("/api/v1/dashboard/secrets?status=bogus", { headers: carol.headers })).status).toBe(400);
  });

  it("exports the team's access log as CSV and JSON for its admins", async () => {
    const { id, sealed } = await createdId(alice, { label: "=HYPERLINK(\"evil\")" });
    expect((await revealAs(bob, id, sealed)).status).toBe(200);
    const me = ZMeResponse.parse(await (await api.call("/api/v1/me", { headers: alice.headers })).json());
    const platformId = me.teams[0]!.id;
    const csv = await api.call(`/api/v1/dashboard/teams/${platformId}/events?format=csv`, { headers: alice.headers });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("at,secretId,label,kind,userEmail,userName,ipPrefix,browser,viewsLeft");
    expect(text).toContain(`${id},"'=HYPERLINK(""evil"")",revealed,bob@acme.test`);
    const json = ZAccessLogResponse.parse(await (await api.call(`/api/v1/dashboard/teams/${platformId}/events?format=json`, { headers: alice.headers })).json());
    expect(json.events.some((event) => event.secretId === id && event.kind === "revealed")).toBe(true);
  });

  it("enforces team policies on create", async () => {
    await db.prisma.team.updateMany({ where: { name: "payments" }, data: { maxViews: 3, maxExpiresInSeconds: 3600, requirePassphrase: true } });
    const tooMany = await createAs(carol, {}, { passphrase: "pw", maxViews: 5 });
    expect(tooMany.response.status).toBe(400);
    expect(await errorCode(tooMany.response)).toBe("policy_violation");
    const noPassphrase = await createAs(carol, {}, { maxViews: 2 });
    expect(await errorCode(noPassphrase.response)).toBe("policy_violation");
    const ok = await createAs(carol, {}, { passphrase: "pw", maxViews: 3 });
    expect(ok.response.status).toBe(201);
    await db.prisma.team.updateMany({ where: { name: "payments" }, data: { maxViews: null, maxExpiresInSeconds: null, requirePassphrase: false } });
  });

  it("refuses signed-in extras from anonymous creators and teams that are not yours", async () => {
    expect(await errorCode((await createAs(null, { label: "x" })).response)).toBe("invalid_request");
    expect(await errorCode((await createAs(null, { restrictTo: "team" })).response)).toBe("invalid_request");
    const me = ZMeResponse.parse(await (await api.call("/api/v1/me", { headers: carol.headers })).json());
    expect(await errorCode((await createAs(alice, { teamId: me.teams[0]!.id })).response)).toBe("invalid_request");
    expect(await errorCode((await createAs(alice, { label: "x".repeat(101) })).response)).toBe("invalid_request");
  });

  it("refuses cookie-authenticated changes from other origins (CSRF)", async () => {
    const sealed = await sealForTest({ text: "csrf" });
    const body = { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 1 };
    const attempts: Array<Record<string, string>> = [
      { Cookie: alice.cookie, Origin: "https://evil.example" },
      { Cookie: alice.cookie, Origin: "null" },
      { Cookie: alice.cookie },
      { Cookie: alice.cookie, Origin: TEST_APP_ORIGIN, "Sec-Fetch-Site": "cross-site" },
      { Cookie: alice.cookie, Origin: `${TEST_APP_ORIGIN}.evil.example` },
    ];
    for (const headers of attempts) {
      const response = await api.postJson("/api/v1/secrets", body, { headers });
      expect(response.status).toBe(403);
      expect(await errorCode(response)).toBe("forbidden");
    }
    const { id } = await createdId(alice);
    const crossSiteBurn = await api.call(`/api/v1/secrets/${id}`, { method: "DELETE", headers: { Cookie: alice.cookie, Origin: "https://evil.example" } });
    expect(crossSiteBurn.status).toBe(403);
    expect((await api.call(`/api/v1/secrets/${id}`)).status).toBe(200);
  });

  it("ends all sessions of a removed user at once", async () => {
    const dave = await createSignedInUser(db, { email: "dave@acme.test", teams: [{ teamName: "platform", role: "member" }] });
    expect((await api.call("/api/v1/me", { headers: dave.headers })).status).toBe(200);
    await deleteUser(db, { id: dave.id });
    expect((await api.call("/api/v1/me", { headers: dave.headers })).status).toBe(401);
    expect(await db.prisma.session.count({ where: { userId: dave.id } })).toBe(0);
  });
});
