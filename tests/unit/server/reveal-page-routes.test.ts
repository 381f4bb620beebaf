import { describe, expect, it } from "vitest";
import { isRevealPageRequest, leavingCompressionToNext, secretIdFromSegments } from "@/lib/reveal-page/server/reveal-page-routes";

describe("which requests the lean server answers as the reveal page", () => {
  it.each([
    ["GET", "/s/AAAAAAAAAAAAAAAAAAAAAA", true],
    ["HEAD", "/s/AAAAAAAAAAAAAAAAAAAAAA", true],
    ["GET", "/s/AAAAAAAAAAAAAAAAAAAAAA?utm_source=chat", true],
    ["GET", "/s/AAAAAAAAAAAAAAAAAAAAAA/extra", true],
    ["GET", "/reveal-assets/reveal-page.0123456789abcdef.js", true],
    // Next.js keeps what it answers differently: its trailing-slash redirect, other methods, other paths.
    ["GET", "/s/AAAAAAAAAAAAAAAAAAAAAA/", false],
    ["GET", "/s/", false],
    ["GET", "/s", false],
    ["POST", "/s/AAAAAAAAAAAAAAAAAAAAAA", false],
    ["GET", "/reveal-assets/a/b.js", false],
    ["GET", "/settings", false],
    ["GET", "/sign-in", false],
    [undefined, "/s/AAAAAAAAAAAAAAAAAAAAAA", false],
  ] as const)("%s %s → %s", (method, path, expected) => {
    expect(isRevealPageRequest(method, path)).toBe(expected);
  });

  it("takes the id only from a single segment", () => {
    expect(secretIdFromSegments(["AAAAAAAAAAAAAAAAAAAAAA"])).toBe("AAAAAAAAAAAAAAAAAAAAAA");
    expect(secretIdFromSegments(["AAAAAAAAAAAAAAAAAAAAAA", "extra"])).toBe("");
    expect(secretIdFromSegments([])).toBe("");
  });

  it("hides Accept-Encoding from handlers mounted in Next.js, and nothing else", () => {
    const headers = new Headers({ "Accept-Encoding": "gzip, br", Cookie: "a=b" });
    const request = leavingCompressionToNext({ method: "GET", path: "/s/x", headers, readBody: async () => new Uint8Array(0) });
    expect(request.headers.get("accept-encoding")).toBeNull();
    expect(request.headers.get("Accept-Encoding")).toBeNull();
    expect(request.headers.get("cookie")).toBe("a=b");
  });
});
