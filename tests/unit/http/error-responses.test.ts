import { describe, expect, it } from "vitest";
import { AppError, type TAppErrorCode } from "@/lib/app-error";
import { errorResponse, statusForErrorCode } from "@/lib/http/error-responses";

/**
 * The statuses DESIGN.md section 2 gives each failure. A Record over TAppErrorCode, so a new
 * code in lib/app-error.ts fails the type check here until someone decides its status.
 */
const DESIGN_STATUS: Record<TAppErrorCode, number> = {
  invalid_request: 400,
  invalid_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  too_many_attempts: 429,
  not_found: 404,
  wrong_proof: 403,
  forbidden: 403,
  sign_in_required: 401,
  not_team_member: 403,
  policy_violation: 400,
  method_not_allowed: 405,
  database_unavailable: 503,
  internal_error: 500,
};
const CODES = Object.keys(DESIGN_STATUS) as TAppErrorCode[];

async function readBody(response: Response): Promise<unknown> {
  return JSON.parse(await response.text()) as unknown;
}

describe("errorResponse for every AppError code", () => {
  for (const code of CODES) {
    describe(code, () => {
      it(`answers ${DESIGN_STATUS[code]}`, () => {
        expect(statusForErrorCode(code)).toBe(DESIGN_STATUS[code]);
        expect(errorResponse(new AppError(code)).status).toBe(DESIGN_STATUS[code]);
      });

      it("has a body of exactly {error:{code,message}} with a non-empty message", async () => {
        const body = (await readBody(errorResponse(new AppError(code)))) as { error: { code: string; message: string } };
        expect(Object.keys(body)).toEqual(["error"]);
        expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
        expect(body.error.code).toBe(code);
        expect(typeof body.error.message).toBe("string");
        expect(body.error.message.trim().length).toBeGreaterThan(0);
        // A sentence for people, not the machine code repeated.
        expect(body.error.message).not.toBe(code);
      });

      it("is JSON and never cached", () => {
        const response = errorResponse(new AppError(code));
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(response.headers.get("content-type")).toMatch(/^application\/json(;|$)/);
      });

      it("carries the API's security headers", () => {
        const response = errorResponse(new AppError(code));
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        expect(response.headers.get("referrer-policy")).toBe("no-referrer");
        expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
      });
    });
  }
});

describe("errorResponse details and headers", () => {
  it("appends a safe detail to the message without changing the shape", async () => {
    const response = errorResponse(new AppError("invalid_request", { detail: "expiresIn: Too small." }));
    const body = (await readBody(response)) as { error: { code: string; message: string } };
    expect(response.status).toBe(400);
    expect(Object.keys(body.error).sort()).toEqual(["code", "message"]);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(/expiresIn: Too small\.$/);
    expect(body.error.message.length).toBeGreaterThan("expiresIn: Too small.".length);
  });

  it("passes the error's headers through (Allow on 405, Retry-After on 429 and 503)", () => {
    const notAllowed = errorResponse(new AppError("method_not_allowed", { headers: { Allow: "GET, HEAD, DELETE" } }));
    expect(notAllowed.status).toBe(405);
    expect(notAllowed.headers.get("allow")).toBe("GET, HEAD, DELETE");
    expect(errorResponse(new AppError("rate_limited", { headers: { "Retry-After": "30" } })).headers.get("retry-after")).toBe("30");
    expect(errorResponse(new AppError("too_many_attempts", { headers: { "Retry-After": "7" } })).headers.get("retry-after")).toBe("7");
    expect(errorResponse(new AppError("database_unavailable", { headers: { "Retry-After": "5" } })).headers.get("retry-after")).toBe("5");
  });

  it("keeps Cache-Control no-store next to extra headers", () => {
    const response = errorResponse(new AppError("wrong_proof", { headers: { "Hushlink-Attempts-Left": "9" } }));
    expect(response.status).toBe(403);
    expect(response.headers.get("hushlink-attempts-left")).toBe("9");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("never sends the Error's message or stack", async () => {
    const error = new AppError("internal_error");
    const text = await errorResponse(error).text();
    expect(text).not.toContain("AppError");
    expect(text).not.toContain("at ");
    expect(text).not.toContain(error.stack ?? "<no stack>");
  });

  it("answers every kind of 404 with one identical body", async () => {
    const bodies = await Promise.all(Array.from({ length: 3 }, async () => errorResponse(new AppError("not_found")).text()));
    expect(new Set(bodies).size).toBe(1);
  });
});
