// The floor: a bare node:http server with the same database driver doing the same SQL as
// Hushlink for the same routes, with no framework, no ORM and no validation beyond
// JSON.parse. Hushlink's throughput is reported as a share of this.
//
//   PORT=<port> DATABASE_URL=file:/tmp/x.db | postgres://... node floor-server.mjs
//
// The statements are Hushlink's own (lib/db/secrets/insert-secret.ts, claim-secret-view.ts
// claimVerifiedView + dropEnvelopeAfterLastView, find-live-secret.ts), so the difference
// between the two is everything around the SQL.
import { createHash, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import pg from "pg";

const PORT = Number(process.env.PORT);
const DATABASE_URL = process.env.DATABASE_URL ?? "";
/** Hushlink's defaults: DATABASE_POOL_SIZE and SQLITE_BUSY_TIMEOUT_MS. */
const POSTGRES_POOL_SIZE = 10;
const SQLITE_BUSY_TIMEOUT_MS = 5_000;
const MAX_BODY_BYTES = 1_048_576;

const INSERT = `INSERT INTO secrets (id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views,
                     creator_user_id, team_id, label, restrict_to_team)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, ($11 = 1))`;
// The verifier check is part of the claim's WHERE, as in Hushlink's fast reveal path.
const CLAIM = `UPDATE secrets
   SET views_used = views_used + 1, last_viewed_at_ms = $1
 WHERE id = $2
   AND verifier = $3
   AND NOT restrict_to_team
   AND views_used < max_views
   AND expires_at_ms > $4
   AND burned_at_ms IS NULL
   AND envelope IS NOT NULL
RETURNING envelope, max_views - views_used AS views_left, creator_user_id, team_id, label`;
// DESIGN.md: "the row's ciphertext is deleted at the last view".
const DROP_AFTER_LAST_VIEW = `UPDATE secrets SET envelope = NULL, purged_at_ms = $1 WHERE id = $2 AND views_used >= max_views`;
const DESCRIBE = `SELECT id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views, views_used,
       failed_proofs, burned_at_ms, last_viewed_at_ms, purged_at_ms, creator_user_id, team_id, label, restrict_to_team
  FROM secrets
 WHERE id = $1
   AND envelope IS NOT NULL
   AND burned_at_ms IS NULL
   AND views_used < max_views
   AND expires_at_ms > $2`;

/** @typedef {(sql: string, params: unknown[]) => Promise<Array<Record<string, any>>>} TQuery */

/** better-sqlite3, one connection, prepared once, WAL + synchronous=NORMAL as Hushlink. @returns {TQuery} */
function sqliteQuery(filePath) {
  const db = new Database(filePath, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  const prepared = new Map();
  return async (sql, params) => {
    let entry = prepared.get(sql);
    if (!entry) {
      // Same text as PostgreSQL's; $n become positional ? in order of use.
      const order = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]) - 1);
      const statement = db.prepare(sql.replace(/\$\d+/g, "?"));
      entry = { statement, order, returnsRows: statement.reader };
      prepared.set(sql, entry);
    }
    const args = entry.order.map((index) => params[index]);
    if (entry.returnsRows) return entry.statement.all(...args);
    entry.statement.run(...args);
    return [];
  };
}

/** A pg Pool the size of Hushlink's. @returns {TQuery} */
function postgresQuery(url) {
  const pool = new pg.Pool({ connectionString: url, max: POSTGRES_POOL_SIZE });
  pool.on("error", () => undefined);
  return async (sql, params) => (await pool.query(sql, params)).rows;
}

const query = DATABASE_URL.startsWith("file:") ? sqliteQuery(DATABASE_URL.slice("file:".length)) : postgresQuery(DATABASE_URL);
const sha256Base64Url = (bytes) => createHash("sha256").update(bytes).digest("base64url");

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    request.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("too large"));
      else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function send(response, status, json) {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(json);
}

const NOT_FOUND = JSON.stringify({ error: { code: "not_found", message: "This secret does not exist or is gone." } });

async function create(request, response) {
  const input = JSON.parse(await readBody(request));
  const nowMs = Date.now();
  const id = randomBytes(16).toString("base64url");
  const manageToken = randomBytes(32).toString("base64url");
  const expiresAtMs = nowMs + input.expiresIn * 1000;
  await query(INSERT, [id, JSON.stringify(input.envelope), input.verifier, sha256Base64Url(manageToken), nowMs, expiresAtMs, input.maxViews, null, null, null, 0]);
  send(response, 201, JSON.stringify({ id, expiresAt: new Date(expiresAtMs).toISOString(), maxViews: input.maxViews, manageToken }));
}

async function reveal(request, response, id) {
  const { proof } = JSON.parse(await readBody(request));
  const verifier = sha256Base64Url(Buffer.from(proof, "base64url"));
  const nowMs = Date.now();
  const [row] = await query(CLAIM, [nowMs, id, verifier, nowMs]);
  if (!row || row.envelope === null) return send(response, 404, NOT_FOUND);
  const viewsLeft = Number(row.views_left);
  if (viewsLeft === 0) await query(DROP_AFTER_LAST_VIEW, [nowMs, id]);
  send(response, 200, `{"envelope":${row.envelope},"viewsLeft":${viewsLeft}}`);
}

async function describe(response, id) {
  const [row] = await query(DESCRIBE, [id, Date.now()]);
  if (!row) return send(response, 404, NOT_FOUND);
  const kdf = JSON.parse(row.envelope).kdf;
  send(response, 200, JSON.stringify({ id, expiresAt: new Date(Number(row.expires_at_ms)).toISOString(), viewsLeft: Number(row.max_views) - Number(row.views_used), kdf }));
}

const SECRET_PATH = /^\/api\/v1\/secrets\/([A-Za-z0-9_-]{22})(\/reveal)?$/;

createServer((request, response) => {
  const url = request.url ?? "/";
  const match = SECRET_PATH.exec(url);
  let work;
  if (url === "/api/v1/secrets" && request.method === "POST") work = create(request, response);
  else if (match && match[2] && request.method === "POST") work = reveal(request, response, match[1]);
  else if (match && !match[2] && request.method === "GET") work = describe(response, match[1]);
  else if (url === "/healthz") work = query("SELECT 1 AS ok", []).then(() => send(response, 200, '{"status":"ok"}'));
  else work = Promise.resolve(send(response, 404, NOT_FOUND));
  work.catch((error) => {
    if (process.env.FLOOR_DEBUG) console.error(error);
    if (!response.headersSent) send(response, 500, JSON.stringify({ error: { code: "internal_error", message: "failed" } }));
  });
}).listen(PORT, "127.0.0.1");

for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
