import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sealSecret } from "@/lib/crypto";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { openAndReveal, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";
import { rememberSecretMaterial } from "../helpers/e2e-secret-registry";
import { fetchInPage, sessionCookie, signInThroughIdp } from "../helpers/e2e-sign-in";

const baseUrl = inject("baseUrl");

describe("sign-in with the demo identity provider, and team links", () => {
  const browsers: TTestBrowser[] = [];
  const newBrowser = async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser;
  };
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
  });

  let alice: TTestBrowser;
  beforeAll(async () => {
    alice = await newBrowser();
    await signInThroughIdp(alice.page, { baseUrl, person: "Alice" });
  });

  it("signs in through the real OIDC redirect flow and sets a __Host- session cookie", async () => {
    const cookie = await sessionCookie(alice.page);
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "Lax", path: "/" });
    expect(cookie?.domain).toBe("localhost");
    const me = await fetchInPage(alice.page, { path: "/api/v1/me" });
    expect(me.status).toBe(200);
    expect(JSON.parse(me.text)).toMatchObject({
      user: { email: "alice@acme.test", name: "Alice Admin", isInstanceAdmin: true },
      teams: [{ name: "platform", role: "admin" }],
    });
  });

  it("lets a teammate open a team-only link, refuses the other team without using a view, and logs it for the creator", async () => {
    const text = uniqueMarker("team-only");
    const sealed = await sealSecret({ payload: { type: "text", text }, scryptN: 2 ** 15 });
    const created = await fetchInPage(alice.page, {
      path: "/api/v1/secrets",
      method: "POST",
      body: { envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 2, label: "e2e db password", restrictTo: "team" },
    });
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.text) as { id: string };
    rememberSecretMaterial({ id, linkKey: sealed.linkKey, text });
    const link = `${baseUrl}/s/${id}#${sealed.linkKey}`;

    const carol = await newBrowser();
    await signInThroughIdp(carol.page, { baseUrl, person: "Carol" });
    const { proof } = await import("@/lib/crypto").then(({ deriveRevealKeys }) => deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf }));
    const refused = await fetchInPage(carol.page, { path: `/api/v1/secrets/${id}/reveal`, method: "POST", body: { proof } });
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe("not_team_member");
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(2);

    const bob = await newBrowser();
    await signInThroughIdp(bob.page, { baseUrl, person: "Bob" });
    expect(await openAndReveal(bob.page, link)).toBe(text);
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(1);

    const log = await fetchInPage(alice.page, { path: `/api/v1/dashboard/secrets/${id}/events` });
    expect(log.status).toBe(200);
    const events = (JSON.parse(log.text) as { events: Array<{ kind: string; user: { name: string } | null }> }).events;
    expect(events.map((event) => [event.kind, event.user?.name ?? null])).toEqual([
      ["revealed", "Bob Builder"],
      ["refused_not_member", "Carol Cashier"],
    ]);
    const listed = await fetchInPage(alice.page, { path: "/api/v1/dashboard/secrets?scope=mine&q=e2e%20db" });
    const row = (JSON.parse(listed.text) as { secrets: Array<Record<string, unknown>> }).secrets[0];
    expect(row).toMatchObject({ id, label: "e2e db password", viewsUsed: 1, maxViews: 2, lastOpenedBy: { name: "Bob Builder" } });

    const burned = await fetchInPage(alice.page, { path: `/api/v1/secrets/${id}`, method: "DELETE" });
    expect(burned.status).toBe(204);
    await expect(viewsLeft(baseUrl, id)).resolves.toBeNull();
  });

  it("refuses people whose address is not of an allowed domain, and keeps no session for them", async () => {
    const mallory = await newBrowser();
    await mallory.page.goto(`${baseUrl}/`);
    await signInThroughIdp(mallory.page, { baseUrl, person: "Mallory" }).catch(() => undefined);
    expect(await sessionCookie(mallory.page)).toBeUndefined();
    expect((await fetchInPage(mallory.page, { path: "/api/v1/me" })).status).toBe(401);
  });

  it.each(["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)"])(
    "lands on a same-origin page after sign-in when the callback is %s",
    async (callbackUrl) => {
      const browser = await newBrowser();
      const landed = await signInThroughIdp(browser.page, { baseUrl, person: "Dave", callbackUrl });
      expect(landed.origin).toBe(new URL(baseUrl).origin);
      await browser.close();
    },
  );

  it("refuses a cross-site POST that carries the session cookie", async () => {
    const cookie = await sessionCookie(alice.page);
    const response = await fetch(`${baseUrl}/api/v1/secrets`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: `${cookie!.name}=${cookie!.value}`, Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
      body: "{}",
    });
    expect(response.status).toBe(403);
  });

  it("signs out: the session ends on the server, not just in the browser", async () => {
    const cookie = await sessionCookie(alice.page);
    await alice.page.evaluate(async () => {
      const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
      await fetch("/api/auth/signout", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/" }),
      });
    });
    expect(await sessionCookie(alice.page)).toBeUndefined();
    const replayed = await fetch(`${baseUrl}/api/v1/me`, { headers: { Cookie: `${cookie!.name}=${cookie!.value}` } });
    expect(replayed.status).toBe(401);
  });
});
