import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { createSecretViaUi, openAndReveal, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

const UNFURLERS = [
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Teams/1.0",
  "Slackbot-LinkExpanding 1.0",
];

describe("link previews", () => {
  it("give unfurlers a generic page with no ciphertext and no details, and the secret still reveals afterwards", async () => {
    const text = uniqueMarker("preview-me");
    const sender = await openBrowser();
    opened.push(sender);
    const { link, id, linkKey } = await createSecretViaUi(sender.page, baseUrl, { text });

    const createRequest = (await sender.requests()).find((request) => request.method === "POST" && request.url.endsWith("/api/v1/secrets"));
    const sent = JSON.parse(createRequest?.postData ?? "{}") as { envelope: { ct: string; nonce: string }; verifier: string };
    expect(sent.envelope.ct.length).toBeGreaterThan(300);
    const describeBefore = (await (await fetch(`${baseUrl}/api/v1/secrets/${id}`)).json()) as { expiresAt: string };

    for (const userAgent of UNFURLERS) {
      // A bot gets the URL with its fragment but, like every HTTP client, never sends it.
      const response = await fetch(link, { headers: { "User-Agent": userAgent, Accept: "text/html" } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("cache-control")).toContain("no-store");
      const html = await response.text();

      expect(html).toContain('<meta property="og:title" content="Hushlink — a one-time secret"');
      expect(html).toMatch(/<meta name="robots" content="noindex, nofollow/);
      expect(html).toContain("Someone shared a one-time secret with you");
      for (const forbidden of [sent.envelope.ct, sent.envelope.nonce, sent.verifier, linkKey, text, describeBefore.expiresAt]) {
        expect(html).not.toContain(forbidden);
      }
      expect(html).not.toMatch(/views? left|expires in|viewsLeft|expiresAt|"ct"|xsalsa20/i);
    }

    await expect(viewsLeft(baseUrl, id)).resolves.toBe(1);
    const recipient = await openBrowser();
    opened.push(recipient);
    await expect(openAndReveal(recipient.page, link)).resolves.toBe(text);
  });
});
