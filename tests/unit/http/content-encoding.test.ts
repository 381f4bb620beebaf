import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressDynamic, preferredEncoding } from "@/lib/http/content-encoding";

describe("preferredEncoding", () => {
  it.each([
    [null, null],
    ["", null],
    ["identity", null],
    ["gzip, deflate", "gzip"],
    ["gzip, deflate, br, zstd", "br"],
    ["br;q=0, gzip", "gzip"],
    ["gzip;q=1.0, br;q=0.5", "gzip"],
    ["BR", "br"],
    ["*", "br"],
    ["*;q=0", null],
    ["gzip;q=0, *", "br"],
    ["gzip;q=nonsense", null],
    ["deflate", null],
  ] as const)("%j → %j", (header, expected) => {
    expect(preferredEncoding(header)).toBe(expected);
  });
});

describe("compressDynamic", () => {
  const page = `<!DOCTYPE html>${"<p>a one-time secret</p>".repeat(500)}`;

  it("round-trips through the decoder a browser would use, and shrinks the page", () => {
    const brotli = compressDynamic(page, "br");
    const gzip = compressDynamic(page, "gzip");
    expect(brotliDecompressSync(brotli).toString("utf8")).toBe(page);
    expect(gunzipSync(gzip).toString("utf8")).toBe(page);
    expect(brotli.byteLength).toBeLessThan(page.length / 10);
    expect(gzip.byteLength).toBeLessThan(page.length / 10);
  });
});
