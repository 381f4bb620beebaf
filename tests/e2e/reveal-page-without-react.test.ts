import { afterEach, describe, expect, inject, it } from "vitest";
import { CSP_ERROR, findLeaks, openBrowser, secretParts, type TTestBrowser } from "../helpers/e2e-browser";
import { createSecretViaUi, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe("the reveal page without React", () => {
  it("loads only its own hashed script, no React or Next.js chunk, and reveals a passphrase secret", async () => {
    const text = `${uniqueMarker("no-react")}\n<b>not markup</b> & "quotes"`;
    const passphrase = `open ${uniqueMarker("sesame")}`;
    const sender = await openBrowser();
    opened.push(sender);
    const { link, id, linkKey } = await createSecretViaUi(sender.page, baseUrl, { text, passphrase });

    const recipient = await openBrowser();
    opened.push(recipient);
    const { page } = recipient;
    const scripts: Array<{ url: string; cacheControl: string | undefined; status: number }> = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push({ url: response.url(), cacheControl: response.headers()["cache-control"], status: response.status() });
    });

    await page.goto(link);
    // The key leaves the address bar before the page script has even run.
    expect(page.url()).toBe(`${baseUrl}/s/${id}`);
    await page.getByLabel("Passphrase").fill(passphrase);
    await page.getByRole("button", { name: "Reveal secret" }).click();
    const revealed = page.getByTestId("revealed-secret");
    await revealed.waitFor();
    await expect(revealed.inputValue()).resolves.toBe(text);
    // The text is a value, never markup: no <b> element appeared.
    await expect(page.locator("main b").count()).resolves.toBe(0);
    await expect(viewsLeft(baseUrl, id)).resolves.toBeNull();

    expect(scripts).toHaveLength(1);
    const [script] = scripts;
    expect(new URL(script?.url ?? "").pathname).toMatch(/^\/reveal-assets\/reveal-page\.[0-9a-f]{16}\.js$/);
    expect(script?.status).toBe(200);
    expect(script?.cacheControl).toBe("public, max-age=31536000, immutable");
    const runtime = await page.evaluate(() => ({
      nextFlight: "__next_f" in self,
      turbopack: "TURBOPACK" in self,
      nextData: document.getElementById("__NEXT_DATA__") !== null,
      bootLeft: "__hushlinkBoot" in self,
    }));
    expect(runtime).toEqual({ nextFlight: false, turbopack: false, nextData: false, bootLeft: false });
    expect(recipient.errors.filter((error) => CSP_ERROR.test(error))).toEqual([]);
    expect(recipient.errors).toEqual([]);

    const requests = await recipient.requests();
    expect(requests.some((request) => request.url.includes("/_next/"))).toBe(false);
    expect(findLeaks({ requests, appOrigin: baseUrl, secrets: { ...secretParts(text, "plaintext"), "link key": linkKey, passphrase } })).toEqual([]);
  });

  it("copies the secret and clears it from the page", async () => {
    const text = uniqueMarker("copy-me");
    const sender = await openBrowser();
    opened.push(sender);
    const { link } = await createSecretViaUi(sender.page, baseUrl, { text, views: 2 });

    const recipient = await openBrowser({ grantClipboard: true, origin: baseUrl });
    opened.push(recipient);
    const { page } = recipient;
    await page.goto(link);
    await page.getByRole("button", { name: "Reveal secret" }).click();
    await page.getByTestId("revealed-secret").waitFor();
    await expect(page.getByTestId("views-left-after-reveal").textContent()).resolves.toBe("This link can be revealed 1 more time before it stops working.");
    await page.getByTestId("copy-secret").click();
    await page.getByTestId("copy-secret").getByText("Copied").waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(text);
    await page.getByRole("button", { name: "Clear from this page" }).click();
    await page.getByRole("heading", { name: "Secret cleared" }).waitFor();
    await expect(page.getByTestId("revealed-secret").count()).resolves.toBe(0);
  });
});
