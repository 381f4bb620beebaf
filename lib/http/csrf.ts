import { AppError } from "@/lib/app-error";
import type { THeaderReader } from "./api-request";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated changes must come from our own pages: an exact Origin match (a
 * `null` Origin from sandboxed frames or redirects is refused) and no cross-site fetch
 * metadata. JSON-only bodies (checked when the body is read) rule out plain HTML forms.
 */
export function assertSameOriginChange(options: { request: { method: string; headers: THeaderReader }; appOrigin: string | undefined }): void {
  if (SAFE_METHODS.has(options.request.method.toUpperCase())) return;
  const origin = options.request.headers.get("origin");
  const fetchSite = options.request.headers.get("sec-fetch-site");
  if (fetchSite === "cross-site") throw new AppError("forbidden", { detail: "Cross-site requests are refused." });
  if (!options.appOrigin || !origin || origin === "null" || origin !== options.appOrigin) {
    throw new AppError("forbidden", { detail: "The request's origin does not match this site." });
  }
}
