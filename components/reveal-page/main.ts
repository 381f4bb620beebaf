// Entry of the reveal page's script (scripts/build-reveal-page.mjs bundles it).
import { startRevealPage, wireSignOut } from "./reveal-page";

performance.mark("hushlink:script-start");
wireSignOut();
const root = document.querySelector<HTMLElement>("[data-secret-id]");
if (root) startRevealPage(root);
