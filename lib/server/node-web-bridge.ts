import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Wraps a Node request as a Web Request without buffering it. If the handler stops reading
 * (body too large), the rest is drained and discarded, never held in memory, and the
 * connection is closed after the answer.
 */
export function toWebRequest(incoming: IncomingMessage): { request: Request; bodyAbandoned: () => boolean } {
  const headers = new Headers();
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    headers.append(incoming.rawHeaders[index]!, incoming.rawHeaders[index + 1]!);
  }
  const method = incoming.method ?? "GET";
  // A fixed origin: only the path matters to the API, and Host is client-controlled.
  const url = `http://localhost${incoming.url?.startsWith("/") ? incoming.url : "/"}`;
  let abandoned = false;
  const hasBody = method !== "GET" && method !== "HEAD";
  const body = hasBody
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          incoming.on("data", (chunk: Buffer) => {
            controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
            if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
          });
          incoming.on("end", () => controller.close());
          incoming.on("error", (error) => controller.error(error));
        },
        pull() {
          incoming.resume();
        },
        cancel() {
          abandoned = true;
          incoming.removeAllListeners("data");
          incoming.resume();
        },
      }, { highWaterMark: 4 })
    : null;
  const request = new Request(url, { method, headers, body, duplex: "half" } as RequestInit);
  return { request, bodyAbandoned: () => abandoned };
}

/** Writes a Web Response to a Node response. */
export async function writeWebResponse(response: Response, outgoing: ServerResponse, options: { closeConnection: boolean }): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  if (options.closeConnection) outgoing.setHeader("Connection", "close");
  const body = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  outgoing.end(body);
}
