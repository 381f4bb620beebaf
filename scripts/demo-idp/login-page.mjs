import { DEMO_USERS } from "./demo-users.mjs";

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** The one-click login page: a button per demo user, clearly marked as a demo. */
export function loginPage({ uid, clientName }) {
  const buttons = DEMO_USERS.map(
    (user) => `<li><button type="submit" name="sub" value="${escapeHtml(user.sub)}">Sign in as ${escapeHtml(user.name.split(" ")[0])} <small>${escapeHtml(user.email)} · ${escapeHtml(user.note)}</small></button></li>`,
  ).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo sign-in</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#0f172a}
.banner{background:#fef3c7;border:1px solid #f59e0b;border-radius:.5rem;padding:.75rem 1rem;font-weight:600}
ul{list-style:none;padding:0}li{margin:.5rem 0}
button{width:100%;text-align:left;padding:.75rem 1rem;border:1px solid #cbd5e1;border-radius:.5rem;background:#fff;font-size:1rem;cursor:pointer}
button:focus-visible,button:hover{border-color:#4f46e5;outline:2px solid #4f46e5}
small{display:block;color:#475569}
</style></head>
<body>
<p class="banner" role="alert">Demo sign-in — not for production</p>
<h1>Sign in to ${escapeHtml(clientName)}</h1>
<p>Pick a demo person. No password: this identity provider exists only for trying Hushlink and for its tests.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login"><ul>
${buttons}
</ul></form>
</body></html>`;
}
