// The few lines the reveal page runs inline in <head>, before its script has even been
// requested: take the key out of the address bar at once (history, screenshots, session
// restore), start asking what the link is, so that answer arrives while the script loads,
// and hold a press of the Reveal button (which is in the first HTML) until the script can
// act on it, instead of letting the browser post the form.
import { escapeScriptJson } from "@/lib/html/html";
import { DESCRIBE_INIT, describePath } from "./reveal-api";

/** Where the inline code leaves what it read for the page script, which deletes it. */
export const BOOT_GLOBAL = "__hushlinkBoot";

export type TRevealBoot = {
  hash: string;
  describe?: Promise<Response>;
  /** Whether Reveal was pressed before the page script took over. */
  submitted?: boolean;
  /** Stops holding presses; the page script handles them from then on. */
  stop?: () => void;
};

/** The inline script's code for secret `id` (a validated 22-character id). */
export function bootScriptCode(id: string): string {
  return [
    "(function(w){",
    "var l=w.location,h=l.hash,d=w.document;",
    'if(h)w.history.replaceState(null,"",l.pathname);',
    `var f=w.fetch(${escapeScriptJson(describePath(id))},${escapeScriptJson(DESCRIBE_INIT)});`,
    // Handled here too, so a failed request is not an "uncaught" error before the script reads it.
    "f.catch(function(){});",
    "var b={hash:h,describe:f,submitted:false};",
    'var q=function(e){var t=e.target;if(t&&t.getAttribute&&t.getAttribute("data-form")==="reveal"){e.preventDefault();b.submitted=true}};',
    'd.addEventListener("submit",q);',
    'b.stop=function(){d.removeEventListener("submit",q)};',
    `w[${escapeScriptJson(BOOT_GLOBAL)}]=b;`,
    "})(window)",
  ].join("");
}

/** Takes (and removes) what the inline code left, and stops its holding presses; undefined when it did not run. */
export function takeRevealBoot(target: Record<string, unknown>): TRevealBoot | undefined {
  const boot = target[BOOT_GLOBAL] as TRevealBoot | undefined;
  delete target[BOOT_GLOBAL];
  if (!boot || typeof boot.hash !== "string") return undefined;
  boot.stop?.();
  return boot;
}
