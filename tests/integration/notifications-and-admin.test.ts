import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeSpentSecrets } from "@/lib/db";
import { notifyExpiredUnopened } from "@/lib/notifications/notify-expired-unopened";
import { runDueDeliveries } from "@/lib/notifications/notification-worker";
import { verifyWebhookSignature } from "@/lib/notifications/sign-webhook";
import { ZApiErrorBody, ZMeResponse, ZTeamMembers, ZTeamSettings } from "@/lib/validation";
import { testDatabaseKinds } from "../helpers/test-databases";
import { proofFor, sealForTest, startTestApi, type TTestApi } from "../helpers/test-api";
import { createSignedInUser, SIGN_IN_TEST_ENV, type TTestUser } from "../helpers/test-users";
import { startWebhookReceiver } from "../helpers/webhook-receiver";

const kinds = await testDatabaseKinds();
const SIGNING_SECRET = "whsec-test-0123456789abcdef";

describe.each(kinds)("notifications and team administration on %s", (kind) => {
  let api: TTestApi;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let alice: TTestUser; // platform admin, instance admin
  let bob: TTestUser; // platform member
  let platformId: string;

  const putSettings = (user: TTestUser, body: unknown) =>
    api.call(`/api/v1/teams/${platformId}/settings`, { method: "PUT", headers: { ...user.headers, "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const noPolicy = { maxExpiresInSeconds: null, maxViews: null, requirePassphrase: false };
  const createAs = async (user: TTestUser | null, extras: Record<string, unknown> = {}, expiresIn = 3600) => {
    const sealed = await sealForTest({ text: "notify me" });
    const response = await api.postJson(
      "/api/v1/secrets",
      { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn, maxViews: 2, ...extras },
      { headers: user?.headers ?? {} },
    );
    return { response, sealed, id: response.status === 201 ? ((await response.clone().json()) as { id: string }).id : "" };
  };
  const deliver = () => runDueDeliveries({ db: api.context.db, now: api.clock.now });

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    api = await startTestApi({ kind, env: { ...SIGN_IN_TEST_ENV, ADMIN_EMAILS: "alice@acme.test", ALLOW_INSECURE_WEBHOOKS: "1" } });
    alice = await createSignedInUser(api.context.db, { email: "alice@acme.test", name: "Alice", teams: [{ teamName: "platform", role: "admin" }] });
    bob = await createSignedInUser(api.context.db, { email: "bob@acme.test", name: "Bob", teams: [{ teamName: "platform", role: "member" }] });
    platformId = ZMeResponse.parse(await (await api.call("/api/v1/me", { headers: alice.headers })).json()).teams[0]!.id;
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });

  it("lets only team admins read and change team settings", async () => {
    expect((await api.call(`/api/v1/teams/${platformId}/settings`, { headers: bob.headers })).status).toBe(404);
    expect((await putSettings(bob, { policy: noPolicy, slackWebhookUrl: null, webhookUrl: null })).status).toBe(404);
    const saved = await putSettings(alice, {
      policy: noPolicy,
      slackWebhookUrl: receiver.url("/slack"),
      webhookUrl: receiver.url("/generic"),
      webhookSecret: SIGNING_SECRET,
    });
    expect(saved.status).toBe(200);
    expect(ZTeamSettings.parse(await saved.json())).toEqual({
      policy: noPolicy,
      slackWebhookUrl: receiver.url("/slack"),
      webhookUrl: receiver.url("/generic"),
      hasWebhookSecret: true,
    });
  });

  it("sends a Slack message and a signed webhook when a team link is opened, naming label, viewer and views left", async () => {
    receiver.received.length = 0;
    const { id, sealed } = await createAs(alice, { label: "staging API key" });
    const { proof } = await proofFor(sealed);
    expect((await api.postJson(`/api/v1/secrets/${id}/reveal`, { proof }, { headers: bob.headers })).status).toBe(200);
    expect(await deliver()).toBe(2);

    const slack = receiver.received.find((request) => request.path === "/slack");
    const generic = receiver.received.find((request) => request.path === "/generic");
    expect(JSON.parse(slack!.body)).toEqual({ text: expect.stringContaining('"staging API key" was opened by Bob (bob@acme.test)') });
    expect(JSON.parse(slack!.body).text).toContain("1 view left");
    const payload = JSON.parse(generic!.body) as Record<string, unknown>;
    expect(payload).toMatchObject({ event: "secret.opened", team: "platform", label: "staging API key", viewer: { name: "Bob", email: "bob@acme.test" }, viewsLeft: 1 });
    const signature = generic!.headers["hushlink-signature"] as string;
    expect(verifyWebhookSignature({ secret: SIGNING_SECRET, body: generic!.body, header: signature, nowSeconds: Math.floor(api.clock.now().getTime() / 1000) })).toBe(true);
    expect(verifyWebhookSignature({ secret: "another-secret-entirely", body: generic!.body, header: signature, nowSeconds: Math.floor(api.clock.now().getTime() / 1000) })).toBe(false);
    // Nothing that finds or opens the secret travels in a notification.
    for (const request of [slack!, generic!]) {
      expect(request.body).not.toContain(id);
      expect(request.body).not.toContain(sealed.linkKey);
      expect(request.body).not.toContain(sealed.envelope.ct);
    }
  });

  it("never lets a failing receiver affect the reveal, and retries with backoff", async () => {
    receiver.received.length = 0;
    receiver.answerWith(500);
    const { id, sealed } = await createAs(alice, { label: "retry me" });
    const { proof } = await proofFor(sealed);
    expect((await api.postJson(`/api/v1/secrets/${id}/reveal`, { proof }, { headers: bob.headers })).status).toBe(200);
    expect(await deliver()).toBe(2);
    expect(receiver.received).toHaveLength(2);
    expect(await deliver()).toBe(0); // backing off: nothing due yet
    receiver.answerWith(200);
    api.clock.advanceSeconds(6);
    expect(await deliver()).toBe(2);
    expect(receiver.received).toHaveLength(4);
    expect(await deliver()).toBe(0);
  });

  it("notifies when a team link is burned and when one expires unopened", async () => {
    receiver.received.length = 0;
    const burned = await createAs(alice, { label: "burn notice" });
    expect((await api.call(`/api/v1/secrets/${burned.id}`, { method: "DELETE", headers: alice.headers })).status).toBe(204);
    const expiring = await createAs(alice, { label: "nobody came" }, 300);
    api.clock.advanceSeconds(301);
    const result = await purgeSpentSecrets(api.context.db, { now: api.clock.now() });
    expect(result.expiredUnopened.map((secret) => secret.id)).toContain(expiring.id);
    await notifyExpiredUnopened(api.context.db, { secrets: result.expiredUnopened, now: api.clock.now() });
    await deliver();
    const events = receiver.received.filter((request) => request.path === "/generic").map((request) => JSON.parse(request.body) as { event: string; label: string });
    expect(events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ event: "secret.burned", label: "burn notice" }),
        expect.objectContaining({ event: "secret.expired_unopened", label: "nobody came" }),
      ]),
    );
  });

  it("enforces a policy set through the API and shows it to members", async () => {
    expect((await putSettings(alice, { policy: { maxExpiresInSeconds: 3600, maxViews: 1, requirePassphrase: false }, slackWebhookUrl: null, webhookUrl: null })).status).toBe(200);
    const me = ZMeResponse.parse(await (await api.call("/api/v1/me", { headers: bob.headers })).json());
    expect(me.teams[0]!.policy).toEqual({ maxExpiresInSeconds: 3600, maxViews: 1, requirePassphrase: false });
    const refused = await createAs(bob);
    expect(refused.response.status).toBe(400);
    expect(ZApiErrorBody.parse(await refused.response.json()).error.code).toBe("policy_violation");
    expect((await putSettings(alice, { policy: noPolicy, slackWebhookUrl: null, webhookUrl: null })).status).toBe(200);
  });

  it("offboards a member: removes them, ends their sessions, burns their live links", async () => {
    const erin = await createSignedInUser(api.context.db, { email: "erin@acme.test", teams: [{ teamName: "platform", role: "member" }] });
    const { id } = await createAs(erin, { label: "erin's link" });
    const members = ZTeamMembers.parse(await (await api.call(`/api/v1/teams/${platformId}/members`, { headers: alice.headers })).json());
    expect(members.members.map((member) => member.email)).toEqual(expect.arrayContaining(["alice@acme.test", "bob@acme.test", "erin@acme.test"]));
    expect((await api.call(`/api/v1/teams/${platformId}/members`, { headers: bob.headers })).status).toBe(404);
    expect((await api.call(`/api/v1/teams/${platformId}/members/${erin.id}?burnLiveLinks=true`, { method: "DELETE", headers: bob.headers })).status).toBe(404);

    const removed = await api.call(`/api/v1/teams/${platformId}/members/${erin.id}?burnLiveLinks=true`, { method: "DELETE", headers: alice.headers });
    expect(removed.status).toBe(200);
    expect(await removed.json()).toEqual({ sessionsEnded: 1, linksBurned: 1 });
    expect((await api.call("/api/v1/me", { headers: erin.headers })).status).toBe(401);
    expect((await api.call(`/api/v1/secrets/${id}`)).status).toBe(404);
  });

  it("adds people by email, who then count as members", async () => {
    const added = await api.call(`/api/v1/teams/${platformId}/members`, {
      method: "POST",
      headers: { ...alice.headers, "Content-Type": "application/json" },
      body: JSON.stringify({ email: "Frank@ACME.test", role: "member" }),
    });
    expect(added.status).toBe(204);
    const members = ZTeamMembers.parse(await (await api.call(`/api/v1/teams/${platformId}/members`, { headers: alice.headers })).json());
    expect(members.members).toEqual(expect.arrayContaining([expect.objectContaining({ email: "frank@acme.test", role: "member", source: "manual" })]));
  });

  it("lets instance admins turn off anonymous creation", async () => {
    const settingsPut = (user: TTestUser, value: boolean) =>
      api.call("/api/v1/admin/settings", { method: "PUT", headers: { ...user.headers, "Content-Type": "application/json" }, body: JSON.stringify({ anonymousCreationAllowed: value }) });
    expect((await settingsPut(bob, false)).status).toBe(404);
    expect((await settingsPut(alice, false)).status).toBe(200);
    const anonymous = await createAs(null);
    expect(anonymous.response.status).toBe(401);
    expect(ZApiErrorBody.parse(await anonymous.response.json()).error.code).toBe("sign_in_required");
    expect((await createAs(bob)).response.status).toBe(201);
    expect((await settingsPut(alice, true)).status).toBe(200);
    expect((await createAs(null)).response.status).toBe(201);
  });
});
