import type { Page } from "playwright-core";
import { SESSION_COOKIE } from "@/lib/auth/session-cookies";

/**
 * Signs in through the real OIDC redirect flow: next-auth's sign-in POST (with its CSRF
 * token, as the sign-in page sends it), the demo provider's login page, one click on the
 * demo person, and the redirects back. Returns where the browser landed.
 */
export async function signInThroughIdp(page: Page, options: { baseUrl: string; person: string; callbackUrl?: string }): Promise<URL> {
  await page.goto(`${options.baseUrl}/api/auth/csrf`);
  await page.evaluate(async (callbackUrl) => {
    const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/api/auth/signin/oidc";
    for (const [name, value] of Object.entries({ csrfToken, callbackUrl })) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
    document.body.append(form);
    form.submit();
  }, options.callbackUrl ?? "/");
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${options.person}\\b`) }).click();
  await page.waitForURL((url) => url.origin === new URL(options.baseUrl).origin && !url.pathname.startsWith("/api/auth/"), { timeout: 30_000 });
  return new URL(page.url());
}

/** Clicks the demo provider's button for `person` and waits to be back on the app. */
export async function pickDemoPerson(page: Page, options: { baseUrl: string; person: string }): Promise<URL> {
  await page.getByRole("button", { name: new RegExp(`^Sign in as ${options.person}\\b`) }).click();
  await page.waitForURL((url) => url.origin === new URL(options.baseUrl).origin && !url.pathname.startsWith("/api/auth/"), { timeout: 30_000 });
  return new URL(page.url());
}

/** The session cookie as the browser stores it, or undefined. */
export async function sessionCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === SESSION_COOKIE);
}

/** Calls the app's API from inside the page, so the browser adds its own cookies and Origin. */
export async function fetchInPage(page: Page, options: { path: string; method?: string; body?: unknown }) {
  return page.evaluate(
    async ({ path, method, body }) => {
      const response = await fetch(path, {
        method: method ?? "GET",
        credentials: "same-origin",
        headers: body === undefined ? {} : { "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { path: options.path, method: options.method, body: options.body },
  );
}
