import { request } from "node:http";
import { afterAll, describe, expect, it } from "vitest";
import { createSqliteTestDatabase } from "../helpers/test-databases";
import { sealForTest } from "../helpers/test-api";
import { databaseUrlOf, startSystemServer } from "../helpers/system-server";

const database = await createSqliteTestDatabase();
afterAll(() => database.drop());

/** Sends a create whose body trickles in over `trickleMs`, and resolves with the status. */
function slowCreate(options: { port: number; body: string; trickleMs: number }): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: "127.0.0.1", port: options.port, path: "/api/v1/secrets", method: "POST", headers: { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(options.body) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    outgoing.on("error", reject);
    const half = Math.floor(options.body.length / 2);
    outgoing.write(options.body.slice(0, half));
    setTimeout(() => outgoing.end(options.body.slice(half)), options.trickleMs);
  });
}

describe("graceful shutdown", () => {
  it("finishes the request in flight on SIGTERM, refuses new connections, and exits 0", async () => {
    const server = await startSystemServer({ databaseUrl: databaseUrlOf(database.config) });
    const sealed = await sealForTest({ text: "in flight" });
    const body = JSON.stringify({ envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews: 1 });

    const inFlight = slowCreate({ port: server.port, body, trickleMs: 1_500 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exitCode = server.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));

    const newConnection = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (response) => `answered ${response.status}`,
      () => "refused",
    );
    expect(newConnection).toBe("refused");
    await expect(inFlight).resolves.toBe(201);
    await expect(exitCode).resolves.toBe(0);
    expect(server.output()).toContain("server.stopping");
  });
});
