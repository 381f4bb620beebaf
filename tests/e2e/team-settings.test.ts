import { afterAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { fetchInPage, pickDemoPerson } from "../helpers/e2e-sign-in";

const baseUrl = inject("baseUrl");

describe("team settings for team admins", () => {
  const browsers: TTestBrowser[] = [];
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
  });

  it("sets a policy the create form then shows, adds a member by email and offboards them", async () => {
    const carol = await openBrowser();
    browsers.push(carol);
    await carol.page.goto(`${baseUrl}/sign-in?callbackUrl=/dashboard`);
    await carol.page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
    await pickDemoPerson(carol.page, { baseUrl, person: "Carol" });
    await carol.page.getByRole("link", { name: "Team settings" }).click();
    await carol.page.getByRole("heading", { name: "payments: team settings" }).waitFor();

    await carol.page.getByLabel("Longest expiry allowed").selectOption({ label: "1 hour" });
    await carol.page.getByLabel("Most views per link").fill("2");
    await carol.page.getByLabel("Require a passphrase on every link").check();
    await carol.page.getByRole("button", { name: "Save team settings" }).click();
    await carol.page.getByText("Saved. New links follow the policy at once.").waitFor();
    const me = JSON.parse((await fetchInPage(carol.page, { path: "/api/v1/me" })).text) as { teams: Array<{ policy: unknown }> };
    expect(me.teams[0]!.policy).toEqual({ maxExpiresInSeconds: 3600, maxViews: 2, requirePassphrase: true });

    // Erin has never signed in and has no groups: the invitation makes her a member, and her
    // first sign-in attaches to it.
    await carol.page.getByLabel("Add someone by email").fill("erin@acme.test");
    await carol.page.getByRole("button", { name: "Add", exact: true }).click();
    const erinRow = carol.page.getByTestId("member-erin@acme.test");
    await erinRow.waitFor();
    const erin = await openBrowser();
    browsers.push(erin);
    await erin.page.goto(`${baseUrl}/sign-in?callbackUrl=/`);
    await erin.page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
    await pickDemoPerson(erin.page, { baseUrl, person: "Erin" });
    const erinMe = JSON.parse((await fetchInPage(erin.page, { path: "/api/v1/me" })).text) as { teams: Array<{ name: string; role: string }> };
    expect(erinMe.teams).toEqual([expect.objectContaining({ name: "payments", role: "member" })]);

    // Offboarding: removed, and her session ends at once.
    await carol.page.reload();
    await carol.page.getByTestId("member-erin@acme.test").getByRole("button", { name: "Remove" }).click();
    await carol.page.getByTestId("member-erin@acme.test").getByRole("button", { name: "Remove and end sessions" }).click();
    await carol.page.getByText(/erin@acme.test was removed: 1 session\(s\) ended/).waitFor();
    expect((await fetchInPage(erin.page, { path: "/api/v1/me" })).status).toBe(401);

    // The create form narrows itself to the policy (the API enforces it too).
    await carol.page.goto(`${baseUrl}/`);
    await expect(carol.page.getByTestId("team-policy").textContent()).resolves.toContain("at most 2 views, a passphrase is required");
    await expect(carol.page.getByRole("radio", { name: "1 hour" }).isChecked()).resolves.toBe(true);
    await expect(carol.page.getByRole("radio", { name: "1 day" }).count()).resolves.toBe(0);
    await carol.page.getByLabel("Secret", { exact: true }).fill("policy check");
    await carol.page.getByRole("button", { name: "Create secret link" }).click();
    await carol.page.getByText("Your team requires a passphrase on every link.", { exact: false }).waitFor();

    // Back to no policy, so other tests are not affected.
    await carol.page.goto(`${baseUrl}/dashboard`);
    await carol.page.getByRole("link", { name: "Team settings" }).click();
    await carol.page.getByLabel("Longest expiry allowed").selectOption({ label: "No limit (30 days)" });
    await carol.page.getByLabel("Most views per link").fill("");
    await carol.page.getByLabel("Require a passphrase on every link").uncheck();
    await carol.page.getByRole("button", { name: "Save team settings" }).click();
    await carol.page.getByText("Saved. New links follow the policy at once.").waitFor();

    // Bob is not an admin of payments: the page does not exist for him.
    const teamPath = new URL(carol.page.url()).pathname;
    const bob = await openBrowser();
    browsers.push(bob);
    await bob.page.goto(`${baseUrl}/sign-in?callbackUrl=/`);
    await bob.page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
    await pickDemoPerson(bob.page, { baseUrl, person: "Bob" });
    const response = await bob.page.goto(`${baseUrl}${teamPath}`);
    expect(response?.status()).toBe(404);

    await carol.page.goto(`${baseUrl}/dashboard`);
    await carol.page.setViewportSize({ width: 1100, height: 1400 });
    await carol.page.screenshot({ path: "/tmp/dashboard-carol.png", fullPage: true });
  });
});
