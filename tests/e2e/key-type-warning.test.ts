import { afterEach, describe, expect, inject, it } from "vitest";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { splitLink } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

describe("key type warning", () => {
  it("names an AWS access key and switches to a 1 hour expiry in one click", async () => {
    const sender = await openBrowser();
    opened.push(sender);
    const { page } = sender;
    await page.goto(`${baseUrl}/`);
    const secretField = page.getByLabel("Secret", { exact: true });

    await secretField.fill("just a long ordinary password 123!");
    await expect(page.getByTestId("key-type-warning").count()).resolves.toBe(0);

    // AWS's documented example credentials, not a real key.
    await secretField.fill("aws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    const warning = page.getByTestId("key-type-warning");
    await warning.waitFor();
    await expect(warning.textContent()).resolves.toContain("This looks like an AWS access key ID.");
    await expect(page.getByRole("radio", { name: "1 day" }).isChecked()).resolves.toBe(true);

    await page.getByRole("button", { name: "Use 1 hour" }).click();
    await expect(page.getByRole("radio", { name: "1 hour" }).isChecked()).resolves.toBe(true);
    await expect(warning.textContent()).resolves.toContain("The expiry is already short.");

    await page.getByRole("button", { name: "Create secret link" }).click();
    await page.getByTestId("share-link").waitFor();
    splitLink(await page.getByTestId("share-link").inputValue());
    await expect(page.getByTestId("share-expiry").textContent()).resolves.toMatch(/^Expires in 1 hour, at /);
  });
});
