// The floor: a bare node:http server with the same driver doing the same SQL for the same
// routes, no framework and no ORM. Run as a child process: node floor-server.mjs <port> <db url>
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import Database from "better-sqlite3";
import pg from "pg";

const [port, databaseUrl] = process.argv.slice(2);
const isPostgres = databaseUrl.startsWith("postgres");

const CLAIM = `UPDATE secrets SET views_used = views_used + 1, last_viewed_at_ms = $1
  WHERE id = $2 AND verifier = $3 AND views_used < max_views AND expires_at_ms > $1 AND burned_at_ms IS NULL AND envelope IS NOT NULL
  RETURNING envelope, max_views - views_used AS views_left`;
const INSERT = `INSERT INTO secrets (id, envelope, verifier, manage_token_hash, created_at_ms, expires_at_ms, max_views) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
const DESCRIBE = `SELECT expires_at_ms, max_views, views_used, envelope FROM secrets WHERE id = $1`;

let run;
if (isPostgres) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  run = async (sql, params, kind) => {
    const result = await pool.query(sql, params);
    return kind === "all" ? result.rows : result.rowCount;
  };
} else {
  const db = new Database(databaseUrl.replace(/^file:/, ""));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const statements = new Map();
  // The same SQL text as PostgreSQL's, with $n turned into positional ? in order of use.
  run = async (sql, params, kind) => {
    let prepared = statements.get(sql);
    if (!prepared) {
      const order = [...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]) - 1);
      prepared = { statement: db.prepare(sql.replace(/\$\d+/g, "?")), order };
      statements.set(sql, prepared);
    }
    const args = prepared.order.map((index) => params[index]);
    return kind === "all" ? prepared.statement.all(...args) : prepared.statement.run(...args).changes;
  };
}

function readBody(request) {
  return new Promise((resolve) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => resolve(body));
  });
}

const send = (response, status, body) => {
  response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
  response.end(body === undefined ? undefined : JSON.stringify(body));
};

createServer(async (request, response) => {
  const url = request.url ?? "/";
  const reveal = /^\/api\/v1\/secrets\/([A-Za-z0-9_-]{22})\/reveal$/.exec(url);
  const describe = /^\/api\/v1\/secrets\/([A-Za-z0-9_-]{22})$/.exec(url);
  try {
    if (url === "/api/v1/secrets" && request.method === "POST") {
      const input = JSON.parse(await readBody(request));
      const now = Date.now();
      const id = createHash("sha256").update(String(Math.random()) + now).digest("base64url").slice(0, 22);
      await run(INSERT, [id, JSON.stringify(input.envelope), input.verifier, "x", now, now + input.expiresIn * 1000, input.maxViews], "run");
      return send(response, 201, { id, expiresAt: new Date(now + input.expiresIn * 1000).toISOString(), maxViews: input.maxViews, manageToken: "x" });
    }
    if (reveal && request.method === "POST") {
      const { proof } = JSON.parse(await readBody(request));
      const verifier = createHash("sha256").update(Buffer.from(proof, "base64url")).digest("base64url");
      const rows = await run(CLAIM, [Date.now(), reveal[1], verifier], "all");
      if (!rows[0]) return send(response, 404, { error: { code: "not_found", message: "gone" } });
      return send(response, 200, { envelope: JSON.parse(rows[0].envelope), viewsLeft: Number(rows[0].views_left) });
    }
    if (describe && request.method === "GET") {
      const rows = await run(DESCRIBE, [describe[1]], "all");
      const row = rows[0];
      if (!row || row.envelope === null || Number(row.views_used) >= row.max_views) return send(response, 404, { error: { code: "not_found", message: "gone" } });
      return send(response, 200, { id: describe[1], expiresAt: new Date(Number(row.expires_at_ms)).toISOString(), viewsLeft: row.max_views - Number(row.views_used), kdf: { alg: "none" } });
    }
    send(response, 404, { error: { code: "not_found", message: "no route" } });
  } catch (error) {
    if (process.env.FLOOR_DEBUG) console.error(error);
    send(response, 500, { error: { code: "internal_error", message: "failed" } });
  }
}).listen(Number(port), "127.0.0.1", () => process.send?.("listening"));
