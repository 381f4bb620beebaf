import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/app-error";
import type { TApiRequest, TApiResponse, THeaderReader } from "@/lib/http/api-request";

/**
 * Node's request as the API handler's request shape, without a Web Request in between. If
 * the handler stops reading (body too large), the rest is drained and discarded, never held
 * in memory, and the connection is closed after the answer.
 */
export function fromNodeRequest(incoming: IncomingMessage): { request: TApiRequest; bodyAbandoned: () => boolean } {
  let abandoned = false;
  const url = incoming.url ?? "/";
  const request: TApiRequest = {
    method: incoming.method ?? "GET",
    path: url.startsWith("/") ? url : "/",
    headers: rawHeaderReader(incoming.rawHeaders),
    readBody: (maxBytes) =>
      new Promise<Uint8Array>((resolve, reject) => {
        if (incoming.method === "GET" || incoming.method === "HEAD") return resolve(new Uint8Array(0));
        const chunks: Buffer[] = [];
        let receivedBytes = 0;
        const stop = () => {
          incoming.off("data", onData);
          incoming.off("end", onEnd);
          incoming.off("error", onError);
          incoming.off("close", onClose);
        };
        const onData = (chunk: Buffer) => {
          receivedBytes += chunk.byteLength;
          if (receivedBytes > maxBytes) {
            stop();
            abandoned = true;
            // Flowing with no listener: the rest is read and dropped.
            incoming.resume();
            reject(new AppError("payload_too_large"));
            return;
          }
          chunks.push(chunk);
        };
        const onEnd = () => {
          stop();
          resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, receivedBytes));
        };
        // A client that aborts mid-body is a bad request, not a server fault.
        const onError = () => {
          stop();
          reject(new AppError("invalid_request", { detail: "The request body could not be read." }));
        };
        const onClose = () => {
          if (!incoming.complete) onError();
        };
        incoming.on("data", onData);
        incoming.on("end", onEnd);
        incoming.on("error", onError);
        incoming.on("close", onClose);
      }),
  };
  return { request, bodyAbandoned: () => abandoned };
}

/**
 * Request headers looked up in Node's raw list, joined like a Web `Headers` joins repeated
 * fields (", "), so both paths read the same value.
 */
function rawHeaderReader(rawHeaders: string[]): THeaderReader {
  return {
    get(name) {
      let value: string | null = null;
      for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
        const field = rawHeaders[index]!;
        if (field.length === name.length && field.toLowerCase() === name) {
          value = value === null ? rawHeaders[index + 1]! : `${value}, ${rawHeaders[index + 1]}`;
        }
      }
      return value;
    },
  };
}

/**
 * Writes the API handler's answer to Node's response in one writeHead: the header block is
 * built straight from the answer's headers. Content-Length is stated because writeHead
 * commits the head before the body is seen (Node would otherwise fall back to chunked).
 */
export function writeApiResponse(response: TApiResponse, outgoing: ServerResponse, options: { closeConnection: boolean }): void {
  const head: Record<string, string | number> = { ...response.headers };
  if (response.body !== null) head["Content-Length"] = Buffer.byteLength(response.body);
  if (options.closeConnection) head.Connection = "close";
  outgoing.writeHead(response.status, head);
  outgoing.end(response.body ?? undefined);
}
