import { AppError } from "@/lib/app-error";
import { MAX_BODY_BYTES } from "@/lib/validation/limits";

/**
 * Reads a JSON body, counting bytes while streaming so an oversized or endless body is cut
 * off at the limit instead of being buffered whole. Refuses non-JSON content types first.
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const contentType = request.headers.get("content-type") ?? "";
  if (!isJsonContentType(contentType)) throw new AppError("unsupported_media_type");

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > maxBytes) throw new AppError("payload_too_large");

  const text = await readTextWithLimit(request, maxBytes);
  if (text.trim() === "") throw new AppError("invalid_json", { detail: "The body is empty." });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_json");
  }
}

function isJsonContentType(contentType: string): boolean {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

async function readTextWithLimit(request: Request, maxBytes: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let receivedBytes = 0;
  for (;;) {
    // A client that aborts mid-body is a bad request, not a server fault.
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("invalid_request", { detail: "The request body could not be read." });
    });
    if (done) break;
    receivedBytes += value.byteLength;
    if (receivedBytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(receivedBytes);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    throw new AppError("invalid_json", { detail: "The body is not valid UTF-8." });
  }
}
