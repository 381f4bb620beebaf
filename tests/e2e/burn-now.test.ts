import { afterEach, describe, expect, inject, it } from "vitest";
import { findLeaks, openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { createSecretViaUi, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe("burn now", () => {
  it("destroys the secret from the create page so the link says it is gone", async () => {
    const text = uniqueMarker("burn-me");
    const sender = await openBrowser();
    opened.push(sender);
    const { link, id, linkKey } = await createSecretViaUi(sender.page, baseUrl, { text, views: 5 });
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(5);

    await sender.page.getByRole("button", { name: "Burn now" }).click();
    const status = sender.page.getByTestId("burn-status");
    await status.waitFor();
    await expect(status.textContent()).resolves.toContain("Destroyed. The link no longer works.");
    await expect(sender.page.getByTestId("share-link").count()).resolves.toBe(0);
    await expect(viewsLeft(baseUrl, id)).resolves.toBeNull();

    const burnRequest = (await sender.requests()).find((request) => request.method === "DELETE");
    expect(burnRequest?.url).toBe(`${baseUrl}/api/v1/secrets/${id}`);
    expect(burnRequest?.headers.authorization).toMatch(/^Bearer \S+$/);

    const recipient = await openBrowser();
    opened.push(recipient);
    await recipient.page.goto(link);
    await recipient.page.getByTestId("reveal-gone").waitFor();
    await expect(recipient.page.getByRole("heading", { name: "This secret is gone" }).isVisible()).resolves.toBe(true);

    const requests = [...(await sender.requests()), ...(await recipient.requests())];
    expect(findLeaks({ requests, appOrigin: baseUrl, secrets: { plaintext: text, "link key": linkKey } })).toEqual([]);
  });
});
