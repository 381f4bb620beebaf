import "server-only";
import { getAppContext } from "@/lib/app-context";
import { isSignInConfigured } from "@/lib/auth/auth-options";
import { userFromRequest } from "@/lib/auth/user-from-request";
import { parseServerEnv, type TServerEnv } from "@/lib/env";
import { fragment, h, htmlDocument, inlineScript, inlineStyle, scriptTag } from "@/lib/html/html";
import type { TApiRequest, TApiResponse } from "@/lib/http/api-request";
import { compressDynamic, preferredEncoding } from "@/lib/http/content-encoding";
import { newCspNonce, pageSecurityHeaders } from "@/lib/http/security-headers";
import { ZSecretId } from "@/lib/validation";
import { linkProblemCard, revealFormCard, siteFooter, siteHeader, type THeaderAccount } from "@/components/reveal-page/markup";
import { SITE_BODY_CLASSES, SITE_MAIN_CLASSES } from "@/components/ui/classes";
import { bootScriptCode } from "../boot";
import { REVEAL_ASSETS_PATH, revealAssets, revealStylesheetText } from "./reveal-assets";

const TITLE = "Hushlink — a one-time secret";
const DESCRIPTION = "Someone shared a secret with you through Hushlink. Open the link in your browser to view it.";

// Link unfurlers (Slackbot, Teams, mail scanners) read this HTML. It says what the link is
// and nothing about this secret: no expiry, no view count, no ciphertext, not even whether
// it still exists. The browser asks for those after it has read the key.
function head(options: { nonce: string; script: string; css: string; bootCode?: string }) {
  const meta = (attributes: Record<string, string>) => h("meta", attributes);
  return fragment(
    h("meta", { charset: "utf-8" }),
    meta({ name: "viewport", content: "width=device-width, initial-scale=1" }),
    // The module first: the parser requests it on sight, before the inline code below has
    // waited for the page's first script context. Then the inline code, so the key leaves
    // the address bar and the describe request starts before anything else loads. The 21 kB
    // of CSS last, so it never delays either.
    scriptTag({ src: `${REVEAL_ASSETS_PATH}/${options.script}`, nonce: options.nonce, module: true }),
    options.bootCode ? inlineScript({ code: options.bootCode, nonce: options.nonce }) : null,
    inlineStyle({ css: options.css, nonce: options.nonce }),
    meta({ name: "theme-color", content: "#f1f5f9", media: "(prefers-color-scheme: light)" }),
    meta({ name: "theme-color", content: "#020617", media: "(prefers-color-scheme: dark)" }),
    meta({ name: "color-scheme", content: "light dark" }),
    h("title", null, TITLE),
    meta({ name: "description", content: DESCRIPTION }),
    meta({ name: "application-name", content: "Hushlink" }),
    meta({ name: "robots", content: "noindex, nofollow, nocache" }),
    meta({ name: "googlebot", content: "noindex, nofollow" }),
    meta({ name: "format-detection", content: "telephone=no, address=no, email=no" }),
    meta({ property: "og:title", content: TITLE }),
    meta({ property: "og:description", content: DESCRIPTION }),
    meta({ property: "og:site_name", content: "Hushlink" }),
    meta({ property: "og:type", content: "website" }),
    meta({ name: "twitter:card", content: "summary" }),
    meta({ name: "twitter:title", content: TITLE }),
    meta({ name: "twitter:description", content: DESCRIPTION }),
    h("link", { rel: "icon", href: "/icon.svg", sizes: "any", type: "image/svg+xml" }),
  );
}

async function headerAccount(request: TApiRequest, env: TServerEnv): Promise<THeaderAccount> {
  if (!isSignInConfigured(env)) return null;
  const { db, adminEmails } = await getAppContext();
  const user = await userFromRequest({ request, db, now: new Date(), adminEmails });
  return { signedInAs: user ? (user.name ?? user.email) : null };
}

/**
 * GET /s/:id, rendered without React, with every header it needs (its own CSP nonce), so the
 * lean server and the Next.js route answer it alike. It never touches the secret: the
 * browser reads the key from the fragment, asks for metadata and reveals only when the
 * visitor presses the button. A malformed id gets the "damaged link" page with a 404.
 * Compressed here, per request (the nonce makes every page unique).
 */
export async function revealPageResponse(options: { request: TApiRequest; id: string }): Promise<TApiResponse> {
  const { request, id } = options;
  const validId = ZSecretId.safeParse(id).success;
  const nonce = newCspNonce();
  const env = parseServerEnv();
  const [assets, css, account] = await Promise.all([revealAssets(), revealStylesheetText(), headerAccount(request, env)]);
  const body = h(
    "body",
    { class: SITE_BODY_CLASSES },
    siteHeader({ demoBanner: env.HUSHLINK_DEMO_SIGN_IN === "1", account }),
    h(
      "main",
      { id: "main", class: SITE_MAIN_CLASSES, "data-secret-id": validId ? id : undefined },
      validId ? revealFormCard() : linkProblemCard({ kind: "bad-address" }),
    ),
    siteFooter(),
  );
  const html = htmlDocument({
    lang: "en",
    head: head({ nonce, script: assets.script, css, ...(validId ? { bootCode: bootScriptCode(id) } : {}) }),
    body,
  });
  const encoding = preferredEncoding(request.headers.get("accept-encoding"));
  return {
    status: validId ? 200 : 404,
    headers: {
      ...pageSecurityHeaders(nonce),
      "Content-Type": "text/html; charset=utf-8",
      // Never stored by a browser or a shared cache.
      "Cache-Control": "no-store",
      Vary: "Accept-Encoding",
      ...(encoding ? { "Content-Encoding": encoding } : {}),
    },
    body: encoding ? compressDynamic(html, encoding) : html,
  };
}
