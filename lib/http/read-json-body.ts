import { AppError } from "@/lib/app-error";
import { MAX_BODY_BYTES } from "@/lib/validation/limits";
import { fromWebRequest, type TApiRequest } from "./api-request";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads a JSON body, counting bytes while streaming so an oversized or endless body is cut
 * off at the limit instead of being buffered whole. Refuses non-JSON content types first.
 */
export async function readApiJsonBody(request: TApiRequest, options: { maxBytes?: number } = {}): Promise<unknown> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const contentType = request.headers.get("content-type") ?? "";
  if (!isJsonContentType(contentType)) throw new AppError("unsupported_media_type");

  const declaredLength = Number(request.headers.get("content-length") ?? "0");
  if (declaredLength > maxBytes) throw new AppError("payload_too_large");

  const text = decodeUtf8(await request.readBody(maxBytes));
  if (text.trim() === "") throw new AppError("invalid_json", { detail: "The body is empty." });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("invalid_json");
  }
}

/** readApiJsonBody for a Web Request. */
export function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<unknown> {
  return readApiJsonBody(fromWebRequest(request), options);
}

function isJsonContentType(contentType: string): boolean {
  if (contentType === "application/json") return true;
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

function decodeUtf8(body: Uint8Array): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new AppError("invalid_json", { detail: "The body is not valid UTF-8." });
  }
}
