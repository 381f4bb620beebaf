// The few lines the reveal page runs inline in <head>, before its script has even been
// requested: take the key out of the address bar at once (history, screenshots, session
// restore) and start asking what the link is, so that answer arrives while the script loads.
import { escapeScriptJson } from "@/lib/html/html";
import { DESCRIBE_INIT, describePath } from "./reveal-api";

/** Where the inline code leaves what it read for the page script, which deletes it. */
export const BOOT_GLOBAL = "__hushlinkBoot";

export type TRevealBoot = { hash: string; describe?: Promise<Response> };

/** The inline script's code for secret `id` (a validated 22-character id). */
export function bootScriptCode(id: string): string {
  return [
    "(function(w){",
    "var l=w.location,h=l.hash;",
    'if(h)w.history.replaceState(null,"",l.pathname);',
    `var d=w.fetch(${escapeScriptJson(describePath(id))},${escapeScriptJson(DESCRIBE_INIT)});`,
    // Handled here too, so a failed request is not an "uncaught" error before the script reads it.
    "d.catch(function(){});",
    `w[${escapeScriptJson(BOOT_GLOBAL)}]={hash:h,describe:d};`,
    "})(window)",
  ].join("");
}

/** Takes (and removes) what the inline code left; undefined when it did not run. */
export function takeRevealBoot(target: Record<string, unknown>): TRevealBoot | undefined {
  const boot = target[BOOT_GLOBAL] as TRevealBoot | undefined;
  delete target[BOOT_GLOBAL];
  if (!boot || typeof boot.hash !== "string") return undefined;
  return boot;
}
