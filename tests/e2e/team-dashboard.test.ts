import { afterAll, describe, expect, inject, it } from "vitest";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { splitLink, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";
import { rememberSecretMaterial } from "../helpers/e2e-secret-registry";
import { pickDemoPerson, sessionCookie } from "../helpers/e2e-sign-in";

const baseUrl = inject("baseUrl");

describe("a team link from creation to the dashboard, through the pages", () => {
  const browsers: TTestBrowser[] = [];
  const newBrowser = async () => {
    const browser = await openBrowser();
    browsers.push(browser);
    return browser;
  };
  afterAll(async () => {
    await Promise.all(browsers.map((browser) => browser.close()));
  });

  it("signs in from the header, creates a labelled team-only link, lets a teammate in after sign-in, refuses the other team, and shows it all on the dashboard", async () => {
    const alice = await newBrowser();
    await alice.page.goto(`${baseUrl}/`);
    await expect(alice.page.getByTestId("demo-sign-in-banner").textContent()).resolves.toContain("Demo sign-in");
    await alice.page.getByRole("link", { name: "Sign in" }).click();
    await alice.page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
    const landed = await pickDemoPerson(alice.page, { baseUrl, person: "Alice" });
    expect(landed.pathname).toBe("/dashboard");
    await expect(alice.page.getByTestId("signed-in-as").textContent()).resolves.toBe("Alice Admin");

    // Create through the form, with the team options a signed-in creator gets.
    const text = uniqueMarker("dashboard-flow");
    const label = uniqueMarker("label");
    await alice.page.goto(`${baseUrl}/`);
    await alice.page.getByLabel("Label (not secret, visible to your team)").fill(label);
    await alice.page.getByLabel(/Only members of platform can open this link/).check();
    await alice.page.getByLabel("Secret", { exact: true }).fill(text);
    await alice.page.getByLabel("Views allowed").fill("2");
    await alice.page.getByRole("button", { name: "Create secret link" }).click();
    const linkField = alice.page.getByTestId("share-link");
    await linkField.waitFor({ state: "visible" });
    const { link, id, linkKey } = splitLink(await linkField.inputValue());
    rememberSecretMaterial({ id, linkKey, text });

    // Carol (payments) is refused on the page, and no view is used.
    const carol = await newBrowser();
    await carol.page.goto(`${baseUrl}/sign-in?callbackUrl=/`);
    await carol.page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
    await pickDemoPerson(carol.page, { baseUrl, person: "Carol" });
    await carol.page.goto(link);
    await carol.page.getByTestId("restricted-note").waitFor();
    await carol.page.getByRole("button", { name: "Reveal secret" }).click();
    await carol.page.getByTestId("other-team").waitFor();
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(2);

    // Bob opens the link signed out, is sent to sign in, comes back and reveals: the key
    // waited in his tab, never in a URL the server saw.
    const bob = await newBrowser();
    await bob.page.goto(link);
    await bob.page.getByRole("button", { name: "Reveal secret" }).click();
    await bob.page.getByTestId("restricted-sign-in").click();
    await bob.page.getByRole("button", { name: "Sign in with Demo SSO" }).click();
    const back = await pickDemoPerson(bob.page, { baseUrl, person: "Bob" });
    expect(back.pathname).toBe(`/s/${id}`);
    expect(back.hash).toBe("");
    await bob.page.getByRole("button", { name: "Reveal secret" }).click();
    await expect(bob.page.getByTestId("revealed-secret").inputValue()).resolves.toBe(text);
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(1);
    for (const request of await bob.requests()) {
      expect(request.url).not.toContain(linkKey);
      expect(JSON.stringify(request.headers)).not.toContain(linkKey);
      expect(request.postData ?? "").not.toContain(linkKey);
    }

    // The creator's dashboard: label, views, last opened by Bob, the access log, burn.
    await alice.page.goto(`${baseUrl}/dashboard`);
    const row = alice.page.getByTestId(`dashboard-row-${id}`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(label);
    await expect(row.getByTestId("views-used").textContent()).resolves.toBe("1 of 2");
    await expect(row.getByTestId("last-opened").textContent()).resolves.toContain("Bob Builder");
    await row.getByRole("button", { name: "Access log" }).click();
    const log = alice.page.getByTestId(`access-log-${id}`);
    await log.waitFor();
    const logText = (await log.textContent()) ?? "";
    expect(logText).toContain("Revealed");
    expect(logText).toContain("Bob Builder");
    expect(logText).toContain("Refused: not a team member");
    expect(logText).toContain("Carol Cashier");
    await row.getByRole("button", { name: "Burn" }).click();
    await row.getByRole("button", { name: "Yes, burn it" }).click();
    await alice.page.getByTestId(`dashboard-row-${id}`).getByText("burned").waitFor();
    await expect(viewsLeft(baseUrl, id)).resolves.toBeNull();

    // Sign out from the header: the session cookie is gone.
    await alice.page.getByRole("button", { name: "Sign out" }).click();
    await alice.page.waitForURL(`${baseUrl}/`);
    expect(await sessionCookie(alice.page)).toBeUndefined();
    await alice.page.goto(`${baseUrl}/dashboard`);
    expect(new URL(alice.page.url()).pathname).toBe("/sign-in");

    for (const browser of [alice, bob, carol]) {
      expect(browser.errors.filter((error) => /content security policy/i.test(error))).toEqual([]);
    }
  });
});
