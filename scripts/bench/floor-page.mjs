// The browser's floor: the least a page can do to show a one-time secret, served by a bare
// node:http server from the bench process. Same shape as Hushlink's reveal page (the HTML,
// a GET for what the link is, a Reveal button, a POST that returns the secret, a textarea),
// without crypto, styling or a script file. What it costs is Chromium's own time on this
// machine; Hushlink's open-to-revealed is read against it.
import { createServer } from "node:http";

const PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Floor</title>
<script>
fetch("/describe").then((r) => r.json()).then(() => {
  document.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    fetch("/reveal", { method: "POST" }).then((r) => r.json()).then((body) => {
      document.querySelector("main").innerHTML = '<h1>Secret</h1><textarea data-testid="revealed-secret" readonly></textarea>';
      document.querySelector("textarea").value = body.text;
      performance.mark("hushlink:revealed");
    });
  });
  performance.mark("hushlink:ready");
});
</script></head><body><main><h1>Someone shared a secret with you</h1><form data-form="reveal"><button type="submit">Reveal secret</button></form></main></body></html>`;

export const FLOOR_SECRET = "bench secret (floor page)";

/**
 * Starts the floor page's server.
 * @returns {Promise<{ link: string, close: () => Promise<void> }>}
 */
export async function startFloorPage() {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://floor");
    if (url.pathname === "/describe" || url.pathname === "/reveal") {
      response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      response.end(JSON.stringify(url.pathname === "/reveal" ? { text: FLOOR_SECRET } : { viewsLeft: 1 }));
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(PAGE);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return {
    link: `http://127.0.0.1:${address.port}/s/floor`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
