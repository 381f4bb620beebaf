import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { createSecretViaUi, openAndReveal, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe("damaged links", () => {
  it("says the link is damaged when the key is missing, cut short or wrong, and none of it uses a view", async () => {
    const text = uniqueMarker("damaged");
    const sender = await openBrowser();
    opened.push(sender);
    const { link, id, linkKey } = await createSecretViaUi(sender.page, baseUrl, { text });

    const recipient = await openBrowser();
    opened.push(recipient);
    const { page } = recipient;

    await page.goto(`${baseUrl}/s/${id}`);
    await page.getByTestId("reveal-damaged").waitFor();
    await expect(page.getByRole("heading", { name: "This link is damaged" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText("is missing").isVisible()).resolves.toBe(true);

    await page.goto(`${baseUrl}/s/${id}#${linkKey.slice(0, 30)}`);
    await page.getByTestId("reveal-damaged").waitFor();
    await expect(page.getByText("is incomplete or changed").isVisible()).resolves.toBe(true);
    expect(page.url()).toBe(`${baseUrl}/s/${id}`);

    // A well-formed key that is not this secret's: the server refuses the proof.
    const otherKey = `${linkKey[0] === "A" ? "B" : "A"}${linkKey.slice(1, 42)}A`;
    await page.goto(`${baseUrl}/s/${id}#${otherKey}`);
    await page.getByRole("button", { name: "Reveal secret" }).click();
    await page.getByTestId("reveal-damaged").waitFor();
    await expect(page.getByText("does not match the secret").isVisible()).resolves.toBe(true);

    await expect(viewsLeft(baseUrl, id)).resolves.toBe(1);
    await expect(openAndReveal(page, link)).resolves.toBe(text);
  });

  it("treats a malformed id as a damaged link with a 404 status", async () => {
    const response = await fetch(`${baseUrl}/s/not-a-real-id`);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain("This link is damaged");
    expect(html).toMatch(/<meta name="robots" content="noindex, nofollow/);
  });

  it("says gone, in the same words, for an id that never existed", async () => {
    const recipient = await openBrowser();
    opened.push(recipient);
    await recipient.page.goto(`${baseUrl}/s/${"A".repeat(21)}w#${"B".repeat(42)}w`);
    await recipient.page.getByTestId("reveal-gone").waitFor();
    await expect(recipient.page.getByRole("heading", { name: "This secret is gone" }).isVisible()).resolves.toBe(true);
  });
});
