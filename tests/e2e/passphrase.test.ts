import { afterEach, describe, expect, inject, it } from "vitest";
import { findLeaks, openBrowser, secretParts, type TTestBrowser } from "../helpers/e2e-browser";
import { createSecretViaUi, uniqueMarker, viewsLeft } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe("a secret protected by a passphrase", () => {
  it("refuses a wrong passphrase without consuming the view, tells the attempts left, and reveals with the right one", async () => {
    const text = `${uniqueMarker("token")}\n${uniqueMarker("second-line")}`;
    const passphrase = `correct ${uniqueMarker("horse")}`;
    const wrongPassphrase = `wrong ${uniqueMarker("pony")}`;

    const sender = await openBrowser();
    opened.push(sender);
    const { link, id, linkKey } = await createSecretViaUi(sender.page, baseUrl, { text, passphrase });
    await expect(sender.page.getByText("Required to reveal. Send it through another channel").isVisible()).resolves.toBe(true);

    const recipient = await openBrowser();
    opened.push(recipient);
    const { page } = recipient;
    await page.goto(link);
    const passphraseField = page.getByLabel("Passphrase");
    await passphraseField.waitFor();

    // An empty passphrase is caught in the browser; nothing is sent.
    await page.getByRole("button", { name: "Reveal secret" }).click();
    await expect(page.getByTestId("passphrase-error").textContent()).resolves.toBe("Enter the passphrase the sender gave you.");

    await passphraseField.fill(wrongPassphrase);
    await page.getByRole("button", { name: "Reveal secret" }).click();
    await page.getByText("Wrong passphrase.").waitFor();
    await expect(page.getByTestId("passphrase-error").textContent()).resolves.toBe(
      "Wrong passphrase. 9 attempts left before the secret is destroyed. No view was used.",
    );
    await expect(viewsLeft(baseUrl, id)).resolves.toBe(1);

    await passphraseField.fill(passphrase);
    await page.getByRole("button", { name: "Reveal secret" }).click();
    const revealed = page.getByTestId("revealed-secret");
    await revealed.waitFor();
    await expect(revealed.inputValue()).resolves.toBe(text);
    expect(page.url()).toBe(`${baseUrl}/s/${id}`);
    await expect(viewsLeft(baseUrl, id)).resolves.toBeNull();

    const requests = [...(await sender.requests()), ...(await recipient.requests())];
    expect(
      findLeaks({
        requests,
        appOrigin: baseUrl,
        secrets: { ...secretParts(text, "plaintext"), "link key": linkKey, passphrase, "wrong passphrase": wrongPassphrase },
      }),
    ).toEqual([]);
  });
});
