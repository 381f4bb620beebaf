/**
 * The reveal page's markup, as SafeHtml from lib/html: rendered by the server for the first
 * paint and by the browser for every later state. Same classes as the React components
 * (components/ui/classes.ts), so the page looks like the rest of the site.
 */
import { fragment, h, type SafeHtml, type THtmlChild } from "@/lib/html/html";
import {
  buttonClasses,
  CARD_CLASSES,
  DEMO_BANNER_CLASSES,
  FIELD_ERROR_CLASSES,
  FIELD_HINT_CLASSES,
  FIELD_LABEL_CLASSES,
  FOCUS_RING,
  HEADING_CLASSES,
  INPUT_CLASSES,
  NOTICE_BASE_CLASSES,
  NOTICE_ICON_PATHS,
  NOTICE_TONE_CLASSES,
  SITE_FOOTER_CLASSES,
  SITE_HEADER_CLASSES,
  SITE_HOME_LINK_CLASSES,
  SITE_NAV_LINK_CLASSES,
  SPINNER_CLASSES,
  type TNoticeTone,
} from "@/components/ui/classes";
import { cx } from "@/components/ui/cx";

export type TLinkProblemKind = "gone" | "missing-key" | "invalid-key" | "wrong-key" | "bad-address" | "undecryptable";

const ICON_ATTRIBUTES = { viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round", "aria-hidden": "true" };

const icon = (className: string, d: string) => h("svg", { class: className, ...ICON_ATTRIBUTES }, h("path", { d }));

export function spinner(): SafeHtml {
  return h(
    "svg",
    { class: SPINNER_CLASSES, viewBox: "0 0 24 24", fill: "none", "aria-hidden": "true" },
    h("circle", { cx: "12", cy: "12", r: "9", stroke: "currentColor", "stroke-opacity": "0.25", "stroke-width": "3" }),
    h("path", { d: "M21 12a9 9 0 0 0-9-9", stroke: "currentColor", "stroke-width": "3", "stroke-linecap": "round" }),
  );
}

export function notice(options: { tone: TNoticeTone; title?: string; body?: THtmlChild; role?: "alert" | "status"; className?: string; testId?: string }): SafeHtml {
  return h(
    "div",
    { role: options.role, "data-testid": options.testId, class: cx(NOTICE_BASE_CLASSES, NOTICE_TONE_CLASSES[options.tone], options.className) },
    icon("mt-0.5 h-5 w-5 shrink-0", NOTICE_ICON_PATHS[options.tone]),
    h(
      "div",
      { class: "min-w-0 space-y-1" },
      options.title ? h("p", { class: "font-semibold" }, options.title) : null,
      options.body ? h("div", { class: "leading-relaxed" }, options.body) : null,
    ),
  );
}

/** Button content: a spinner while busy, then the label. */
export function buttonContent(options: { label: string; busy: boolean }): SafeHtml {
  return fragment(options.busy ? spinner() : null, options.label);
}

function card(attributes: Record<string, string | undefined>, ...children: THtmlChild[]): SafeHtml {
  return h("section", { class: CARD_CLASSES, ...attributes }, ...children);
}

function logoMark(): SafeHtml {
  return h(
    "svg",
    { viewBox: "0 0 32 32", class: "h-9 w-9 shrink-0", "aria-hidden": "true" },
    h("rect", { width: "32", height: "32", rx: "8", class: "fill-indigo-600 dark:fill-indigo-500" }),
    h("path", { d: "M11 14v-2.5a5 5 0 0 1 10 0V14", fill: "none", stroke: "#fff", "stroke-width": "2.4", "stroke-linecap": "round" }),
    h("rect", { x: "8.5", y: "14", width: "15", height: "11", rx: "2.5", fill: "#fff" }),
    h("circle", { cx: "16", cy: "18.6", r: "1.7", class: "fill-indigo-600 dark:fill-indigo-500" }),
    h("path", { d: "M16 19.5v2.6", class: "stroke-indigo-600 dark:stroke-indigo-500", "stroke-width": "1.8", "stroke-linecap": "round" }),
  );
}

/** Who is signed in, as the header shows it: null when sign-in is not configured. */
export type THeaderAccount = null | { signedInAs: string | null };

/** Same as components/site-header.tsx; the sign-out button is wired by the page script. */
export function siteHeader(options: { demoBanner: boolean; account: THeaderAccount }): SafeHtml {
  const { account } = options;
  return fragment(
    options.demoBanner ? h("p", { "data-testid": "demo-sign-in-banner", role: "note", class: DEMO_BANNER_CLASSES }, "Demo sign-in — not for production") : null,
    h(
      "header",
      { class: SITE_HEADER_CLASSES },
      h(
        "a",
        { href: "/", class: SITE_HOME_LINK_CLASSES },
        logoMark(),
        h(
          "span",
          { class: "flex flex-col" },
          h("span", { class: "text-lg leading-tight font-bold tracking-tight text-slate-900 dark:text-white" }, "Hushlink"),
          h("span", { class: "text-sm leading-tight text-slate-600 dark:text-slate-400" }, "One-time links for keys and passwords"),
        ),
      ),
      account
        ? h(
            "nav",
            { "aria-label": "Account", class: "flex flex-wrap items-center gap-1" },
            account.signedInAs === null
              ? h("a", { href: "/sign-in", class: SITE_NAV_LINK_CLASSES }, "Sign in")
              : fragment(
                  h("a", { href: "/dashboard", class: SITE_NAV_LINK_CLASSES }, "Dashboard"),
                  h("span", { class: "px-2 text-sm text-slate-600 dark:text-slate-400", "data-testid": "signed-in-as" }, account.signedInAs),
                  h("button", { type: "button", "data-action": "sign-out", class: buttonClasses({ variant: "ghost", size: "sm" }) }, "Sign out"),
                ),
          )
        : null,
    ),
  );
}

export function siteFooter(): SafeHtml {
  return h(
    "footer",
    { class: SITE_FOOTER_CLASSES },
    h(
      "ul",
      { class: "flex flex-col gap-1.5 sm:flex-row sm:flex-wrap sm:gap-x-6" },
      h("li", null, "Encrypted in your browser before upload"),
      h("li", null, "The key stays in the link, never on the server"),
      h("li", null, "Links expire and self-destruct"),
    ),
  );
}

const LOCK_ICON = "M7 11V8a5 5 0 0 1 10 0v3M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1Zm6 4v2";

function revealHeading(): SafeHtml {
  return fragment(
    h(
      "div",
      { class: "mb-5 flex h-12 w-12 items-center justify-center rounded-full bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300" },
      icon("h-6 w-6", LOCK_ICON),
    ),
    h("h1", { id: "reveal-heading", class: HEADING_CLASSES }, "Someone shared a one-time secret with you"),
  );
}

function checkingStatus(): SafeHtml {
  return h("p", { role: "status", class: "flex items-center gap-2 text-slate-600 dark:text-slate-300" }, spinner(), "Checking the link…");
}

/**
 * The first paint, and the card while the link is checked: what the link is, nothing about
 * this secret (unfurlers read this HTML), and the Reveal button at once. A press before the
 * page script or the metadata are there is held and carried out as soon as both are
 * (lib/reveal-page/boot.ts); until then the fields slot says the link is being checked.
 */
export function revealFormCard(): SafeHtml {
  return card(
    { "aria-labelledby": "reveal-heading", "aria-busy": "true" },
    revealHeading(),
    h(
      "form",
      { method: "post", novalidate: true, "data-form": "reveal", class: "mt-6 space-y-6" },
      h("div", { "data-slot": "fields", class: "space-y-6" }, checkingStatus()),
      h("div", { "data-slot": "reveal-error" }),
      h(
        "div",
        { class: "flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between" },
        h("p", { role: "status", "aria-live": "polite", class: "text-sm text-slate-600 dark:text-slate-400", "data-slot": "phase" }),
        h("button", { type: "submit", class: buttonClasses({ extra: "w-full sm:w-auto" }) }, buttonContent({ label: "Reveal secret", busy: false })),
      ),
    ),
  );
}

export function unavailableCard(options: { message: string }): SafeHtml {
  return card(
    { "aria-labelledby": "reveal-heading" },
    revealHeading(),
    h(
      "div",
      { class: "mt-6 space-y-4" },
      notice({ tone: "error", role: "alert", title: "Could not check this link", body: options.message }),
      h("button", { type: "button", "data-action": "retry-describe", class: buttonClasses({ variant: "secondary" }) }, "Try again"),
    ),
  );
}

export const PASSPHRASE_INPUT_ID = "reveal-passphrase";
export const PASSPHRASE_HINT = "The sender protected this secret with a passphrase and should have given it to you separately.";

/** The hint under the passphrase field, or the error in its place. */
export function passphraseMessage(options: { error: string | null }): SafeHtml {
  if (options.error) {
    return h("p", { id: `${PASSPHRASE_INPUT_ID}-error`, class: FIELD_ERROR_CLASSES }, h("span", { "data-testid": "passphrase-error" }, options.error));
  }
  return h("p", { id: `${PASSPHRASE_INPUT_ID}-hint`, class: FIELD_HINT_CLASSES }, PASSPHRASE_HINT);
}

export function revealErrorNotice(message: string | null): SafeHtml {
  return message ? notice({ tone: "error", role: "alert", body: message }) : fragment();
}

/** "in 1 day, at Nov 30, 2026, 9:40 AM"; the relative words alone until the local time is known. */
export function expiryText(expiry: { relative: string; absolute: string | null }): string {
  return expiry.absolute === null ? expiry.relative : `${expiry.relative}, at ${expiry.absolute}`;
}

/** What the link is, put into the form's fields slot once the metadata has arrived. */
export function readyFields(options: {
  expiry: { relative: string; absolute: string | null };
  viewsLeft: number;
  restrictedToTeam: boolean;
  needsPassphrase: boolean;
}): SafeHtml {
  const { viewsLeft } = options;
  return fragment(
    h(
      "dl",
      { class: "grid gap-3 rounded-xl bg-slate-50 p-4 text-sm ring-1 ring-slate-200 ring-inset sm:grid-cols-2 dark:bg-slate-800/50 dark:ring-slate-700" },
      h(
        "div",
        null,
        h("dt", { class: "font-semibold text-slate-800 dark:text-slate-100" }, "Expires"),
        h("dd", { class: "mt-0.5 text-slate-700 dark:text-slate-300", "data-testid": "reveal-expiry" }, expiryText(options.expiry)),
      ),
      h(
        "div",
        null,
        h("dt", { class: "font-semibold text-slate-800 dark:text-slate-100" }, "Views"),
        h("dd", { class: "mt-0.5 text-slate-700 dark:text-slate-300", "data-testid": "reveal-views-left" }, `${viewsLeft} view${viewsLeft === 1 ? "" : "s"} left`),
      ),
    ),
    h(
      "p",
      { class: "text-slate-600 dark:text-slate-300" },
      `Revealing uses one view. The secret is decrypted here, in your browser${viewsLeft === 1 ? ", and then deleted from the server for good." : "."}`,
    ),
    options.restrictedToTeam
      ? notice({
          tone: "info",
          testId: "restricted-note",
          body: "Only members of the sender's team can open this link. If you are not signed in, you will be asked to.",
        })
      : null,
    options.needsPassphrase
      ? h(
          "div",
          null,
          h("label", { for: PASSPHRASE_INPUT_ID, class: FIELD_LABEL_CLASSES }, "Passphrase"),
          h("input", {
            id: PASSPHRASE_INPUT_ID,
            type: "password",
            autocomplete: "off",
            spellcheck: "false",
            "data-1p-ignore": true,
            "data-lpignore": "true",
            "aria-describedby": `${PASSPHRASE_INPUT_ID}-hint`,
            class: INPUT_CLASSES,
          }),
          h("div", { "aria-live": "assertive", "data-slot": "passphrase-message" }, passphraseMessage({ error: null })),
        )
      : null,
  );
}

type TProblemCopy = { testId: string; title: string; body: THtmlChild };

const DAMAGED_TITLE = "This link is damaged";
const hashCode = () => h("code", { class: "font-mono" }, "#");

// "gone" is deliberately one message for used up, expired, burned and never existed: the
// server answers all four identically, and so does the page.
const PROBLEM_COPY: Record<TLinkProblemKind, () => TProblemCopy> = {
  gone: () => ({
    testId: "reveal-gone",
    title: "This secret is gone",
    body: "It has already been viewed, it expired, or the sender destroyed it, or the link never worked. Secrets on Hushlink cannot be recovered. Ask the sender to share it again.",
  }),
  "missing-key": () => ({
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: [
      "The key to open the secret (the part of the link after ",
      hashCode(),
      ") is missing. If you reloaded this page: Hushlink removes the key from the address bar as soon as it has read it, so open the original link again. Nothing was revealed and no view was used.",
    ],
  }),
  "invalid-key": () => ({
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: [
      "The key at the end of the link (after ",
      hashCode(),
      ") is incomplete or changed, so the secret cannot be opened with it. Copy the whole link again, or ask the sender for it. Nothing was revealed and no view was used.",
    ],
  }),
  "wrong-key": () => ({
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: "The key in this link does not match the secret. Copy the whole link again, or ask the sender for it. Nothing was revealed and no view was used.",
  }),
  "bad-address": () => ({
    testId: "reveal-damaged",
    title: DAMAGED_TITLE,
    body: "This address is not a complete Hushlink secret link. Check that you copied the whole link.",
  }),
  undecryptable: () => ({
    testId: "reveal-undecryptable",
    title: "This secret cannot be decrypted",
    body: "The server handed over the encrypted secret, but it does not open with the key in your link; it may have been altered. The view has been used. Ask the sender to create a new link.",
  }),
};

export function linkProblemCard(options: { kind: TLinkProblemKind; note?: string }): SafeHtml {
  const copy = PROBLEM_COPY[options.kind]();
  const neutral = options.kind === "gone";
  return card(
    { "aria-labelledby": "problem-heading", "data-testid": copy.testId },
    h(
      "div",
      {
        class: cx(
          "mb-5 flex h-12 w-12 items-center justify-center rounded-full",
          neutral ? "bg-slate-100 text-slate-600 dark:bg-slate-800 dark:text-slate-300" : "bg-rose-100 text-rose-700 dark:bg-rose-950 dark:text-rose-300",
        ),
      },
      icon(
        "h-6 w-6",
        neutral
          ? "M9 3h6m-3 5v5m0 8a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z"
          : "M10 14a3.5 3.5 0 0 0 5 0l4-4a3.5 3.5 0 0 0-5-5l-.5.5M14 10a3.5 3.5 0 0 0-5 0l-4 4a3.5 3.5 0 0 0 5 5l.5-.5M4 4l16 16",
      ),
    ),
    // role="alert" on a wrapper, not the heading: the heading keeps its role for navigation.
    h(
      "div",
      { role: "alert" },
      h("h1", { id: "problem-heading", class: HEADING_CLASSES }, copy.title),
      options.note ? h("p", { class: "mt-3 font-medium text-slate-800 dark:text-slate-100" }, options.note) : null,
      h("p", { class: "mt-3 leading-relaxed text-slate-600 dark:text-slate-300" }, copy.body),
    ),
    h(
      "a",
      {
        href: "/",
        class: cx(
          "mt-6 inline-flex rounded-lg bg-white px-4 py-2.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700",
          FOCUS_RING,
        ),
      },
      "Share a secret of your own",
    ),
  );
}

export function signInNeededCard(options: { id: string }): SafeHtml {
  return card(
    { "aria-labelledby": "restricted-heading", class: cx(CARD_CLASSES, "space-y-4") },
    h("h1", { id: "restricted-heading", class: "text-2xl font-bold tracking-tight text-slate-900 dark:text-white" }, "Sign in to open this link"),
    h(
      "p",
      { class: "text-slate-600 dark:text-slate-300" },
      "This link is restricted to a team. Sign in with your company account; you will come back here to reveal it. No view was used.",
    ),
    h(
      "a",
      {
        "data-testid": "restricted-sign-in",
        href: `/sign-in?callbackUrl=${encodeURIComponent(`/s/${options.id}`)}`,
        class:
          "inline-flex items-center justify-center rounded-lg bg-indigo-600 px-4 py-2.5 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:bg-indigo-500",
      },
      "Sign in",
    ),
  );
}

export function otherTeamCard(): SafeHtml {
  return card(
    { "aria-labelledby": "other-team-heading", class: cx(CARD_CLASSES, "space-y-3") },
    h("h1", { id: "other-team-heading", class: "text-2xl font-bold tracking-tight text-slate-900 dark:text-white" }, "This link is for another team"),
    notice({
      tone: "warning",
      role: "alert",
      testId: "other-team",
      body: "Only members of the team it was shared with can open it. Nothing was revealed and no view was used.",
    }),
  );
}

export const REVEALED_SECRET_ID = "revealed-secret-text";
const COPY_ICON = "M8 8V5a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2h-3M5 8h9a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-9a2 2 0 0 1 2-2Z";
const COPIED_ICON = "m5 12 5 5L20 7";

export type TCopyState = "idle" | "copied" | "failed";

/** The copy button's content and the polite status beside it, per copy state. */
export function copyButtonContent(state: TCopyState): SafeHtml {
  return fragment(icon("h-4 w-4", state === "copied" ? COPIED_ICON : COPY_ICON), state === "copied" ? "Copied" : "Copy secret");
}

export function copyStatus(state: TCopyState): SafeHtml {
  if (state === "copied") return h("span", { class: "sr-only" }, "Copied to the clipboard.");
  return fragment(state === "failed" ? "Copy failed: select the text and copy it yourself." : null);
}

/**
 * The revealed secret. The text itself is never put into markup: the page sets the
 * textarea's value, so the secret cannot turn into HTML whatever it contains.
 */
export function revealedCard(options: { viewsLeft: number; rows: number }): SafeHtml {
  const { viewsLeft } = options;
  return card(
    { "aria-labelledby": "revealed-heading" },
    h("h1", { id: "revealed-heading", tabindex: "-1", class: cx(HEADING_CLASSES, "outline-none") }, "Here is your secret"),
    h("p", { class: "mt-2 text-slate-600 dark:text-slate-300" }, "It was decrypted in this browser."),
    h(
      "div",
      { class: "mt-6" },
      h("label", { for: REVEALED_SECRET_ID, class: FIELD_LABEL_CLASSES }, "Secret"),
      h("textarea", {
        id: REVEALED_SECRET_ID,
        readonly: true,
        rows: options.rows,
        spellcheck: "false",
        autocomplete: "off",
        "data-testid": "revealed-secret",
        class: cx(INPUT_CLASSES, "max-h-[28rem] min-h-24 resize-y font-mono text-sm leading-relaxed field-sizing-content"),
      }),
      h(
        "div",
        { class: "mt-3 flex flex-wrap items-center gap-3" },
        h(
          "span",
          { class: "inline-flex items-center gap-3" },
          h("button", { type: "button", "data-action": "copy-secret", "data-testid": "copy-secret", class: buttonClasses({ variant: "primary", extra: "shrink-0" }) }, copyButtonContent("idle")),
          h("span", { role: "status", "aria-live": "polite", class: "text-sm text-slate-600 dark:text-slate-400", "data-slot": "copy-status" }),
        ),
        h("button", { type: "button", "data-action": "clear-secret", class: buttonClasses({ variant: "secondary" }) }, "Clear from this page"),
      ),
    ),
    notice({
      tone: viewsLeft === 0 ? "warning" : "info",
      role: "status",
      className: "mt-6",
      testId: "views-left-after-reveal",
      body:
        viewsLeft === 0
          ? "This was the last view: the secret is now deleted from the server and this page holds the only copy. Store it somewhere safe before you close the tab."
          : `This link can be revealed ${viewsLeft} more time${viewsLeft === 1 ? "" : "s"} before it stops working.`,
    }),
  );
}

export function clearedCard(): SafeHtml {
  return card(
    { "aria-labelledby": "revealed-heading" },
    h("h1", { id: "revealed-heading", tabindex: "-1", class: cx(HEADING_CLASSES, "outline-none") }, "Secret cleared"),
    h("p", { role: "status", class: "mt-3 text-slate-600 dark:text-slate-300" }, "The secret was removed from this page. Close the tab when you are done."),
  );
}
