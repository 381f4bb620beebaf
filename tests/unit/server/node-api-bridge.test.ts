import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { fromNodeRequest, writeApiResponse } from "@/lib/server/node-api-bridge";

const LIMIT_BYTES = 1_000;

/** What the bridge hands the API handler, echoed back as JSON; a body over the limit is a 413. */
function startEchoServer(): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const { request, bodyAbandoned } = fromNodeRequest(incoming);
    request.readBody(LIMIT_BYTES).then(
      (body) => {
        const echo = { method: request.method, path: request.path, repeated: request.headers.get("x-repeated"), missing: request.headers.get("x-missing"), bodyBytes: body.byteLength };
        writeApiResponse({ status: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify(echo) }, outgoing, { closeConnection: bodyAbandoned() });
      },
      (error: unknown) => {
        const status = error instanceof AppError && error.code === "payload_too_large" ? 413 : 400;
        writeApiResponse({ status, headers: {}, body: null }, outgoing, { closeConnection: bodyAbandoned() });
      },
    );
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function send(server: Server, options: { method: string; path: string; headers?: Array<[string, string]>; chunks?: Buffer[] }) {
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, method: options.method, path: options.path, headers: [["Host", `127.0.0.1:${port}`], ...(options.headers ?? [])].flat() }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on("error", reject);
    for (const chunk of options.chunks ?? []) outgoing.write(chunk);
    outgoing.end();
  });
}

describe("the lean server's Node request and response bridge", () => {
  let server: Server;
  beforeAll(async () => {
    server = await startEchoServer();
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it("passes method, path with query, a whole body and repeated headers joined like a Web Headers", async () => {
    const answer = await send(server, {
      method: "POST",
      path: "/api/v1/dashboard/secrets?limit=5",
      headers: [["X-Repeated", "one"], ["x-repeated", "two"], ["Transfer-Encoding", "chunked"]],
      chunks: [Buffer.alloc(300, 1), Buffer.alloc(400, 2)],
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ method: "POST", path: "/api/v1/dashboard/secrets?limit=5", repeated: "one, two", missing: null, bodyBytes: 700 });
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(answer.body)));
    expect(answer.headers.connection).not.toBe("close");
  });

  it("refuses a body past the limit with 413 and closes the connection instead of reading the rest", async () => {
    const answer = await send(server, {
      method: "POST",
      path: "/api/v1/secrets",
      headers: [["Transfer-Encoding", "chunked"]],
      chunks: Array.from({ length: 8 }, () => Buffer.alloc(400, 3)),
    });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe("close");
  });

  it("reads no body on GET", async () => {
    const answer = await send(server, { method: "GET", path: "/api/health" });
    expect(JSON.parse(answer.body)).toMatchObject({ method: "GET", path: "/api/health", bodyBytes: 0 });
  });
});
