import { afterEach, describe, expect, inject, it } from "vitest";
import { CSP_ERROR, findLeaks, openBrowser, secretParts, type TTestBrowser } from "../helpers/e2e-browser";
import { createSecretViaUi, openAndReveal, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
const browser = async (options: Parameters<typeof openBrowser>[0] = {}) => {
  const instance = await openBrowser(options);
  opened.push(instance);
  return instance;
};

afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe("sharing a secret and revealing it once", () => {
  it("shows the recipient the exact multi-line text once, then says it is gone, and nothing secret leaves the browsers", async () => {
    const text = [
      `DATABASE_URL=postgres://app:${uniqueMarker("pw")}@db.internal:5432/app`,
      `  indented line with trailing spaces   `,
      "",
      `ünïcödé ✓ ${uniqueMarker("api")}`,
    ].join("\n");
    const sender = await browser({ grantClipboard: true, origin: baseUrl });
    const { link, id, linkKey } = await createSecretViaUi(sender.page, baseUrl, { text });

    expect(link).toBe(`${baseUrl}/s/${id}#${linkKey}`);
    expect(linkKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(sender.page.getByTestId("share-expiry").textContent()).resolves.toMatch(/^Expires in 1 day, at /);
    await expect(sender.page.getByTestId("share-views").textContent()).resolves.toContain("Works once");
    await expect(sender.page.getByRole("img", { name: "QR code of the share link" }).isVisible()).resolves.toBe(true);
    await sender.page.getByTestId("copy-link").click();
    await expect(sender.page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(link);

    const recipient = await browser();
    await recipient.page.goto(link);
    await expect(recipient.page.getByRole("heading", { name: "Someone shared a one-time secret with you" }).isVisible()).resolves.toBe(true);
    await recipient.page.getByTestId("reveal-views-left").waitFor();
    await expect(recipient.page.getByTestId("reveal-views-left").textContent()).resolves.toBe("1 view left");
    // The local time follows the relative words once the page is idle.
    await recipient.page.getByTestId("reveal-expiry").filter({ hasText: ", at " }).waitFor();
    await expect(recipient.page.getByTestId("reveal-expiry").textContent()).resolves.toMatch(/^in 1 day, at /);
    await expect(recipient.page.getByText("Revealing uses one view").isVisible()).resolves.toBe(true);
    // The key leaves the address bar as soon as the page has read it.
    expect(recipient.page.url()).toBe(`${baseUrl}/s/${id}`);
    // Opening the page consumed nothing.
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(1);

    await recipient.page.getByRole("button", { name: "Reveal secret" }).click();
    const revealed = recipient.page.getByTestId("revealed-secret");
    await revealed.waitFor();
    await expect(revealed.inputValue()).resolves.toBe(text);
    await expect(revealed.getAttribute("readonly")).resolves.not.toBeNull();
    expect(recipient.page.url()).toBe(`${baseUrl}/s/${id}`);
    await expect(recipient.page.evaluate(() => window.location.hash)).resolves.toBe("");
    await expect(recipient.page.getByTestId("views-left-after-reveal").textContent()).resolves.toContain("This was the last view");
    await expect(viewsLeft(baseUrl, id)).resolves.toBeNull();

    const secondVisit = await recipient.context.newPage();
    await secondVisit.goto(link);
    await secondVisit.getByTestId("reveal-gone").waitFor();
    await expect(secondVisit.getByRole("heading", { name: "This secret is gone" }).isVisible()).resolves.toBe(true);
    await expect(secondVisit.getByRole("button", { name: "Reveal secret" }).count()).resolves.toBe(0);

    const requests = [...(await sender.requests()), ...(await recipient.requests())];
    expect(requests.some((request) => request.method === "POST" && request.url.endsWith("/api/v1/secrets"))).toBe(true);
    expect(requests.some((request) => request.method === "POST" && request.url.endsWith(`/api/v1/secrets/${id}/reveal`))).toBe(true);
    expect(findLeaks({ requests, appOrigin: baseUrl, secrets: { ...secretParts(text, "plaintext"), "link key": linkKey } })).toEqual([]);
    expect([...sender.errors, ...recipient.errors].filter((error) => CSP_ERROR.test(error))).toEqual([]);
  });

  it("lets a three-view link be revealed three times and counts down", async () => {
    const text = uniqueMarker("three-views");
    const sender = await browser();
    const { link, id } = await createSecretViaUi(sender.page, baseUrl, { text, views: 3, expiryLabel: "5 minutes" });
    await expect(sender.page.getByTestId("share-views").textContent()).resolves.toBe("Can be revealed 3 times.");
    await expect(sender.page.getByTestId("share-expiry").textContent()).resolves.toMatch(/^Expires in 5 minutes, at /);

    for (const left of [2, 1, 0]) {
      const recipient = await browser();
      await expect(openAndReveal(recipient.page, link)).resolves.toBe(text);
      await expect(viewsLeft(baseUrl, id)).resolves.toBe(left === 0 ? null : left);
    }
  });

  it("creates another secret from a fresh, empty form", async () => {
    const sender = await browser();
    await createSecretViaUi(sender.page, baseUrl, { text: uniqueMarker("first") });
    await sender.page.getByRole("button", { name: "Create another" }).click();
    const secretField = sender.page.getByLabel("Secret", { exact: true });
    await expect(secretField.inputValue()).resolves.toBe("");
    await expect(secretField.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await expect(sender.page.getByRole("radio", { name: "1 day" }).isChecked()).resolves.toBe(true);
  });
});
