import { afterEach, describe, expect, inject, it } from "vitest";
import type { Page } from "playwright-core";
import { openBrowser, type TTestBrowser } from "../helpers/e2e-browser";
import { splitLink, uniqueMarker } from "../helpers/e2e-flows";

const baseUrl = inject("baseUrl");
const opened: TTestBrowser[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((instance) => instance.close()));
});

/** The focused element, described by its accessible basics and whether a focus ring shows. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return null;
    // A focus indicator is whatever changes when focus leaves: outline or ring (box-shadow),
    // on the element itself or, for the segmented radios, on their label.
    const look = () =>
      [element, element.closest("label")].map((node) => {
        if (!node) return "";
        const style = getComputedStyle(node);
        return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor} | ${style.boxShadow}`;
      });
    const focusedLook = look();
    element.blur();
    const blurredLook = look();
    element.focus();
    const ring = focusedLook.some((value, index) => value !== blurredLook[index]);
    const labelText = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : undefined;
    return {
      tag: element.tagName.toLowerCase(),
      type: element.getAttribute("type"),
      text: (element.textContent ?? "").trim(),
      label: (labelText ?? element.closest("label")?.textContent ?? element.getAttribute("aria-label") ?? "").trim(),
      ring,
    };
  });

describe("keyboard only", () => {
  it("creates and reveals a secret with Tab, arrows and Enter, with a visible focus ring on every stop", async () => {
    const text = uniqueMarker("keyboard");
    const sender = await openBrowser();
    opened.push(sender);
    const { page } = sender;
    await page.goto(`${baseUrl}/`);
    await page.getByRole("button", { name: "Create secret link" }).and(page.locator(":enabled")).waitFor();

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", ring: true });
    // The header's "Sign in" link (sign-in is configured in this run).
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "a", ring: true });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "textarea", label: "Secret", ring: true });
    await page.keyboard.type(text);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "input", type: "radio", label: "1 day", ring: true });
    await page.keyboard.press("ArrowLeft");
    expect(await focused(page)).toMatchObject({ type: "radio", label: "1 hour", ring: true });
    await expect(page.getByRole("radio", { name: "1 hour" }).isChecked()).resolves.toBe(true);

    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "input", label: "Views allowed", ring: true });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "input", type: "password", ring: true });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "button", text: "Show", ring: true });
    await page.keyboard.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "button", text: "Create secret link", ring: true });
    await page.keyboard.press("Enter");

    await page.getByTestId("share-link").waitFor();
    expect(await focused(page)).toMatchObject({ tag: "h1", text: "Your link is ready" });
    const { link } = splitLink(await page.getByTestId("share-link").inputValue());
    await expect(page.getByTestId("share-expiry").textContent()).resolves.toMatch(/^Expires in 1 hour/);

    const recipient = await openBrowser();
    opened.push(recipient);
    const viewer = recipient.page;
    await viewer.goto(link);
    await viewer.getByRole("button", { name: "Reveal secret" }).waitFor();
    await viewer.keyboard.press("Tab");
    expect(await focused(viewer)).toMatchObject({ tag: "a" });
    await viewer.keyboard.press("Tab");
    expect(await focused(viewer)).toMatchObject({ tag: "a" });
    await viewer.keyboard.press("Tab");
    expect(await focused(viewer)).toMatchObject({ tag: "button", text: "Reveal secret", ring: true });
    await viewer.keyboard.press("Enter");
    await viewer.getByTestId("revealed-secret").waitFor();
    expect(await focused(viewer)).toMatchObject({ tag: "h1", text: "Here is your secret" });
    await expect(viewer.getByTestId("revealed-secret").inputValue()).resolves.toBe(text);
  });
});
