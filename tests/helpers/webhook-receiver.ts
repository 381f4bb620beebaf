import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type TReceivedWebhook = { path: string; headers: IncomingHttpHeaders; body: string };

/** A real HTTP receiver on loopback that records what it gets and answers with `status`. */
export async function startWebhookReceiver() {
  const received: TReceivedWebhook[] = [];
  let status = 200;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ path: request.url ?? "", headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = status;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    answerWith: (nextStatus: number) => (status = nextStatus),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
