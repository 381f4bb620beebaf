// The reveal page in the browser, without React: reads and strips the key, shows what the
// link is, reveals on the button's POST, decrypts here and shows the secret. Markup comes
// from ./markup (shared with the server's first render); logic from lib/reveal-page.
import { postToNextAuth } from "@/components/auth/next-auth-form";
import { warmUpKeyDerivation, warmUpOpen } from "@/lib/crypto";
import { formatExpiryTime, formatRemainingUntil } from "@/lib/client/format-expiry";
import { whenIdle } from "@/lib/client/when-idle";
import type { SafeHtml } from "@/lib/html/html";
import { takeRevealBoot } from "@/lib/reveal-page/boot";
import { keepKeyAcrossSignIn, readLinkKey, type TKeyStorage, type TLinkKeyRead } from "@/lib/reveal-page/link-key";
import type { TLinkMeta } from "@/lib/reveal-page/reveal-api";
import { describeLink, PHASE_WORDS, revealWithKey, type TRevealOutcome } from "@/lib/reveal-page/reveal-flow";
import {
  buttonContent,
  clearedCard,
  copyButtonContent,
  copyStatus,
  expiryText,
  linkProblemCard,
  otherTeamCard,
  PASSPHRASE_INPUT_ID,
  passphraseMessage,
  readyFields,
  revealedCard,
  revealFormCard,
  revealErrorNotice,
  signInNeededCard,
  unavailableCard,
  type TCopyState,
} from "./markup";

const EXPIRY_TICK_MS = 30_000;
const COPY_RESET_MS = 2_500;
const MIN_ROWS = 3;
const MAX_ROWS = 16;

type TView = { kind: "checking" } | { kind: "ready"; meta: TLinkMeta } | { kind: "revealed" } | { kind: "final" };

function sessionStorageOrNull(): TKeyStorage {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

const mark = (name: string) => performance.mark(`hushlink:${name}`);

/** Starts the page on `root` (the element carrying data-secret-id). */
export function startRevealPage(root: HTMLElement): void {
  const id = root.dataset.secretId ?? "";
  const storage = sessionStorageOrNull();
  const boot = takeRevealBoot(window as unknown as Record<string, unknown>);
  let view: TView = { kind: "checking" };
  let busy = false;
  // Reveal pressed while the link was still being checked (or before this script ran).
  let pendingSubmit = boot?.submitted === true;
  let expiryTimer: ReturnType<typeof setInterval> | undefined;
  /** Puts the local expiry time into the ready card; set while that card is up. */
  let refreshExpiry: (() => void) | undefined;

  /**
   * Reads the key once and strips it from the address bar at once; the inline code in
   * <head> normally did both already. The key then lives only in this closure.
   */
  const readAndStrip = (hash: string): TLinkKeyRead => {
    const read = readLinkKey({ id, hash, storage });
    if (window.location.hash !== "") window.history.replaceState(null, "", `/s/${id}`);
    return read;
  };
  let linkKey = readAndStrip(boot ? boot.hash : window.location.hash);

  const show = (card: SafeHtml) => {
    clearInterval(expiryTimer);
    refreshExpiry = undefined;
    root.innerHTML = card.toString();
  };
  const slot = (name: string) => root.querySelector<HTMLElement>(`[data-slot="${name}"]`);

  // The form the server rendered, or a fresh one: the same button stays under the pointer
  // (and keyboard focus) from the first paint to the reveal.
  function bindForm() {
    root.querySelector("form[data-form=reveal]")?.addEventListener("submit", (event) => {
      event.preventDefault();
      if (view.kind === "checking") pendingSubmit = true;
      else void reveal();
    });
  }

  async function describe(pending?: Promise<Response>) {
    if (view.kind !== "checking") {
      show(revealFormCard());
      bindForm();
    }
    view = { kind: "checking" };
    const outcome = await describeLink({ id, linkKey, fetch: window.fetch.bind(window), ...(pending ? { pending } : {}) });
    if (outcome.kind !== "ready") pendingSubmit = false;
    if (outcome.kind === "problem") return finish(linkProblemCard({ kind: outcome.problem }));
    if (outcome.kind === "unavailable") {
      show(unavailableCard({ message: outcome.message }));
      view = { kind: "final" };
      root.querySelector("[data-action=retry-describe]")?.addEventListener("click", () => void describe());
      return;
    }
    showReady(outcome.meta);
  }

  function finish(card: SafeHtml) {
    show(card);
    view = { kind: "final" };
  }

  function showReady(meta: TLinkMeta) {
    const { expiresAt } = meta;
    const fields = slot("fields");
    if (fields) {
      const expiry = { relative: formatRemainingUntil({ expiresAt }), absolute: null };
      fields.innerHTML = readyFields({ expiry, viewsLeft: meta.viewsLeft, restrictedToTeam: meta.restrictedToTeam, needsPassphrase: meta.kdf.alg === "scrypt" }).toString();
    }
    root.querySelector("section")?.removeAttribute("aria-busy");
    view = { kind: "ready", meta };
    // The local time waits for an idle moment and for no reveal in flight: its first Intl
    // call would hold up a press made the moment the page is ready. Re-run every tick so
    // "expires in …" stays true on a tab left open.
    refreshExpiry = () => {
      const node = root.querySelector("[data-testid=reveal-expiry]");
      if (node && view.kind === "ready" && !busy) node.textContent = expiryText({ relative: formatRemainingUntil({ expiresAt }), absolute: formatExpiryTime({ expiresAt }) });
    };
    expiryTimer = setInterval(refreshExpiry, EXPIRY_TICK_MS);
    mark("ready");
    if (pendingSubmit) {
      pendingSubmit = false;
      void reveal();
    }
    whenIdle(refreshExpiry);
    // Compiles the key derivation and the decryption while the recipient reads the page.
    whenIdle(() => {
      warmUpKeyDerivation();
      warmUpOpen();
    });
  }

  function setBusy(next: boolean, phaseWords = "") {
    busy = next;
    const button = root.querySelector<HTMLButtonElement>("button[type=submit]");
    if (button) {
      button.disabled = next;
      if (next) button.setAttribute("aria-busy", "true");
      else button.removeAttribute("aria-busy");
      button.innerHTML = buttonContent({ label: "Reveal secret", busy: next }).toString();
    }
    const input = passphraseInput();
    if (input) input.readOnly = next;
    const phase = slot("phase");
    if (phase) phase.textContent = phaseWords;
  }

  const passphraseInput = () => root.querySelector<HTMLInputElement>(`#${PASSPHRASE_INPUT_ID}`);

  function showPassphraseError(message: string | null, options: { select?: boolean } = {}) {
    const holder = slot("passphrase-message");
    if (holder) holder.innerHTML = passphraseMessage({ error: message }).toString();
    const input = passphraseInput();
    if (!input) return;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", `${PASSPHRASE_INPUT_ID}-${message ? "error" : "hint"}`);
    if (message) {
      input.focus();
      if (options.select) input.select();
    }
  }

  function showRevealError(message: string | null) {
    const holder = slot("reveal-error");
    if (holder) holder.innerHTML = revealErrorNotice(message).toString();
  }

  async function reveal() {
    if (view.kind !== "ready" || busy) return;
    const key = linkKey.key;
    if (!key) return finish(linkProblemCard({ kind: "missing-key" }));
    mark("submitted");
    showRevealError(null);
    const outcome = await revealWithKey({
      id,
      linkKey: key,
      meta: view.meta,
      passphrase: passphraseInput()?.value ?? "",
      fetch: window.fetch.bind(window),
      onPhase: (phase) => setBusy(true, PHASE_WORDS[phase]),
    });
    setBusy(false);
    applyOutcome(outcome, key);
    // Still on the form (a wrong passphrase, a network error): its skipped local time.
    if (refreshExpiry) whenIdle(refreshExpiry);
  }

  function applyOutcome(outcome: TRevealOutcome, key: string) {
    switch (outcome.kind) {
      case "passphrase-error":
        return showPassphraseError(outcome.message, { select: outcome.select });
      case "reveal-error":
        showPassphraseError(null);
        return showRevealError(outcome.message);
      case "problem":
        return finish(linkProblemCard({ kind: outcome.problem, ...(outcome.note ? { note: outcome.note } : {}) }));
      case "sign-in-needed":
        keepKeyAcrossSignIn({ storage, id, key });
        return finish(signInNeededCard({ id }));
      case "other-team":
        return finish(otherTeamCard());
      case "revealed":
        return showRevealed(outcome.text, outcome.viewsLeft);
    }
  }

  function showRevealed(text: string, viewsLeft: number) {
    linkKey = { key: null, hadFragment: false };
    window.history.replaceState(null, "", `/s/${id}`);
    let secret = text;
    const rows = Math.min(MAX_ROWS, Math.max(MIN_ROWS, text.split("\n").length));
    show(revealedCard({ viewsLeft, rows }));
    view = { kind: "revealed" };
    const field = root.querySelector<HTMLTextAreaElement>("[data-testid=revealed-secret]");
    // Set as a value, never as markup.
    if (field) field.value = secret;
    root.querySelector<HTMLElement>("#revealed-heading")?.focus();
    mark("revealed");

    let copyTimer: ReturnType<typeof setTimeout> | undefined;
    const setCopyState = (state: TCopyState) => {
      const button = root.querySelector("[data-action=copy-secret]");
      if (button) button.innerHTML = copyButtonContent(state).toString();
      const status = slot("copy-status");
      if (status) status.innerHTML = copyStatus(state).toString();
    };
    root.querySelector("[data-action=copy-secret]")?.addEventListener("click", () => {
      void copySecret(secret, field).then((copied) => {
        setCopyState(copied ? "copied" : "failed");
        clearTimeout(copyTimer);
        copyTimer = setTimeout(() => setCopyState("idle"), COPY_RESET_MS);
      });
    });
    root.querySelector("[data-action=clear-secret]")?.addEventListener("click", () => {
      secret = "";
      if (field) field.value = "";
      clearTimeout(copyTimer);
      show(clearedCard());
    });
  }

  // Pasting a link into a tab that already shows this page changes only the fragment: no
  // reload happens, so the new key is read here. A revealed secret stays on screen.
  window.addEventListener("hashchange", () => {
    if (window.location.hash === "" || view.kind === "revealed" || busy) return;
    linkKey = readAndStrip(window.location.hash);
    void describe();
  });

  bindForm();
  void describe(boot?.describe);
}

/** Legacy path for plain-http self-hosting, where navigator.clipboard does not exist. */
async function copySecret(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to selecting the text
  }
  if (!field) return false;
  field.focus();
  field.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  }
}

/** The header's sign-out button: next-auth takes sign-out as a form POST with its CSRF token. */
export function wireSignOut(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-action=sign-out]");
  button?.addEventListener("click", () => {
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    button.innerHTML = buttonContent({ label: "Sign out", busy: true }).toString();
    postToNextAuth({ action: "/api/auth/signout", callbackUrl: "/" }).catch(() => {
      button.disabled = false;
      button.removeAttribute("aria-busy");
      button.textContent = "Sign out";
    });
  });
}
