import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page, type Request } from "playwright-core";

export const CHROMIUM_PATH = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const DEFAULT_TIMEOUT_MS = 20_000;
const HEADERS_TIMEOUT_MS = 5_000;

export type TLoggedRequest = {
  url: string;
  method: string;
  resourceType: string;
  headers: Record<string, string>;
  postData: string | null;
};

export type TTestBrowser = {
  context: BrowserContext;
  page: Page;
  /** Every request any page of this browser made, with final headers and body. */
  requests: () => Promise<TLoggedRequest[]>;
  /** Console errors and uncaught page errors (CSP violations land here). */
  errors: string[];
  close: () => Promise<void>;
};

async function headersOf(request: Request): Promise<Record<string, string>> {
  const fallback = new Promise<Record<string, string>>((resolve) => setTimeout(() => resolve(request.headers()), HEADERS_TIMEOUT_MS));
  return Promise.race([request.allHeaders().catch(() => request.headers()), fallback]);
}

/**
 * One person's browser: Debian's Chromium with a fresh profile directory of its own, so no
 * cookie, cache or storage crosses between the sender, the recipient and other tests.
 */
export async function openBrowser(
  options: {
    colorScheme?: "light" | "dark";
    viewport?: { width: number; height: number };
    isMobile?: boolean;
    grantClipboard?: boolean;
    origin?: string;
  } = {},
): Promise<TTestBrowser> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), "hushlink-e2e-profile-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: "en-US",
    timezoneId: "UTC",
    colorScheme: options.colorScheme ?? "light",
    viewport: options.viewport ?? { width: 1280, height: 900 },
    ...(options.isMobile ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  if (options.grantClipboard && options.origin) {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: options.origin });
  }
  context.setDefaultTimeout(DEFAULT_TIMEOUT_MS);

  const pending: Array<Promise<TLoggedRequest>> = [];
  context.on("request", (request) => {
    pending.push(
      headersOf(request).then((headers) => ({
        url: request.url(),
        method: request.method(),
        resourceType: request.resourceType(),
        headers,
        postData: request.postData(),
      })),
    );
  });

  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on("page", watch);

  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests: () => Promise.all(pending),
    errors,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** What a request actually puts on the wire: the URL without its fragment, headers, body. */
function wireText(request: TLoggedRequest): string {
  const url = new URL(request.url);
  url.hash = "";
  return [url.toString(), JSON.stringify(request.headers), request.postData ?? ""].join("\n");
}

function spellings(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), JSON.stringify(value).slice(1, -1)])];
}

/**
 * Lists every way the given secrets appear in what the browsers sent, and every request to
 * an origin other than the app's. An empty list means nothing leaked.
 */
export function findLeaks(options: { requests: TLoggedRequest[]; secrets: Record<string, string>; appOrigin: string }): string[] {
  const problems: string[] = [];
  for (const request of options.requests) {
    const url = new URL(request.url);
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== options.appOrigin) {
      problems.push(`request to another origin: ${request.method} ${url.origin}${url.pathname}`);
    }
    const wire = wireText(request);
    for (const [name, secret] of Object.entries(options.secrets)) {
      if (spellings(secret).some((spelling) => wire.includes(spelling))) {
        problems.push(`${name} found in ${request.method} ${url.pathname}`);
      }
    }
  }
  return problems;
}

/** The lines of a multi-line secret long enough to be meaningful on their own. */
export function secretParts(text: string, label: string): Record<string, string> {
  const parts: Record<string, string> = { [label]: text };
  text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length >= 8)
    .forEach((line, index) => (parts[`${label} line ${index + 1}`] = line));
  return parts;
}

export const CSP_ERROR = /content security policy|refused to (load|execute|apply)/i;
