import { describe, expect, it } from "vitest";
import { AppError, type TAppErrorCode } from "@/lib/app-error";
import { readJsonBody } from "@/lib/http/read-json-body";
import { MAX_BODY_BYTES } from "@/lib/validation/limits";

const URL_ = "http://hushlink.test/api/v1/secrets";
const encoder = new TextEncoder();

/** A POST whose body is raw bytes, so fetch adds no Content-Type of its own. */
function post(body: Uint8Array | string | ReadableStream<Uint8Array> | null, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  const raw = typeof body === "string" ? encoder.encode(body) : body;
  return new Request(URL_, { method: "POST", headers, body: raw, duplex: "half" } as RequestInit);
}

async function expectAppError(promise: Promise<unknown>, code: TAppErrorCode) {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

/** A stream that hands out `chunkBytes` at a time, up to `totalBytes` (or forever), and records what was pulled. */
function countingStream(options: { chunkBytes: number; totalBytes?: number; fill?: number }) {
  const state = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (options.totalBytes !== undefined && state.pulledBytes >= options.totalBytes) {
        controller.close();
        return;
      }
      const size = options.totalBytes === undefined ? options.chunkBytes : Math.min(options.chunkBytes, options.totalBytes - state.pulledBytes);
      state.pulledBytes += size;
      controller.enqueue(new Uint8Array(size).fill(options.fill ?? 0x20));
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { stream, state };
}

describe("readJsonBody content types", () => {
  const accepted = ["application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8", "Application/JSON", "  application/json  ; charset=utf-8"];
  for (const contentType of accepted) {
    it(`accepts ${JSON.stringify(contentType)}`, async () => {
      await expect(readJsonBody(post('{"a":1}', { "Content-Type": contentType }))).resolves.toEqual({ a: 1 });
    });
  }

  const refused = ["application/jsonx", "text/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/merge-patch+json", "application/json-seq", "json", ""];
  for (const contentType of refused) {
    it(`refuses ${JSON.stringify(contentType)} with unsupported_media_type`, async () => {
      await expectAppError(readJsonBody(post('{"a":1}', { "Content-Type": contentType })), "unsupported_media_type");
    });
  }

  it("refuses a body without any Content-Type", async () => {
    const request = post('{"a":1}', {});
    expect(request.headers.get("content-type")).toBeNull();
    await expectAppError(readJsonBody(request), "unsupported_media_type");
  });

  it("refuses the content type before reading any of the body", async () => {
    const { stream, state } = countingStream({ chunkBytes: 1024 });
    await expectAppError(readJsonBody(post(stream, { "Content-Type": "text/plain" })), "unsupported_media_type");
    expect(state.pulledBytes).toBe(0);
  });
});

describe("readJsonBody size limits", () => {
  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const { stream, state } = countingStream({ chunkBytes: 1024 });
    const request = post(stream, { "Content-Type": "application/json", "Content-Length": String(MAX_BODY_BYTES + 1) });
    await expectAppError(readJsonBody(request), "payload_too_large");
    expect(state.pulledBytes).toBe(0);
  });

  it("refuses a declared Content-Length over a custom limit", async () => {
    await expectAppError(readJsonBody(post('{"a":1}', { "Content-Type": "application/json", "Content-Length": "101" }), { maxBytes: 100 }), "payload_too_large");
  });

  it("accepts a body of exactly MAX_BODY_BYTES (1 MiB)", async () => {
    const text = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES - '{"pad":""}'.length) });
    expect(encoder.encode(text).length).toBe(MAX_BODY_BYTES);
    const parsed = (await readJsonBody(post(text))) as { pad: string };
    expect(parsed.pad.length).toBe(MAX_BODY_BYTES - 10);
  });

  it("refuses a body one byte over MAX_BODY_BYTES with no Content-Length", async () => {
    const text = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES + 1 - '{"pad":""}'.length) });
    const { stream } = countingStream({ chunkBytes: 64 * 1024, totalBytes: MAX_BODY_BYTES + 1, fill: 0x20 });
    await expectAppError(readJsonBody(post(stream)), "payload_too_large");
    await expectAppError(readJsonBody(post(text)), "payload_too_large");
  });

  it("refuses a body that streams past the limit although its Content-Length claims little", async () => {
    const { stream } = countingStream({ chunkBytes: 1024, totalBytes: 4096 });
    await expectAppError(readJsonBody(post(stream, { "Content-Type": "application/json", "Content-Length": "10" }), { maxBytes: 2048 }), "payload_too_large");
  });

  it("stops reading an endless body at the limit and cancels the stream", async () => {
    const { stream, state } = countingStream({ chunkBytes: 16 * 1024 });
    await expectAppError(readJsonBody(post(stream)), "payload_too_large");
    expect(state.pulledBytes).toBeGreaterThan(MAX_BODY_BYTES);
    // At most a chunk or two of read-ahead past the limit, never the endless rest.
    expect(state.pulledBytes).toBeLessThanOrEqual(MAX_BODY_BYTES + 3 * 16 * 1024);
    expect(state.cancelled).toBe(true);
  });

  it("ignores an unparseable Content-Length and counts the bytes instead", async () => {
    await expect(readJsonBody(post('{"a":1}', { "Content-Type": "application/json", "Content-Length": "lots" }))).resolves.toEqual({ a: 1 });
  });
});

describe("readJsonBody parsing", () => {
  it("parses JSON objects, arrays and scalars (shape checks come later)", async () => {
    await expect(readJsonBody(post('{"proof":"abc","n":[1,2]}'))).resolves.toEqual({ proof: "abc", n: [1, 2] });
    await expect(readJsonBody(post("[1,2,3]"))).resolves.toEqual([1, 2, 3]);
    await expect(readJsonBody(post("null"))).resolves.toBeNull();
    await expect(readJsonBody(post(" 42 "))).resolves.toBe(42);
  });

  it("decodes multi-byte UTF-8 split across chunks", async () => {
    const bytes = encoder.encode('{"text":"grüße ✓ 🔑"}');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    await expect(readJsonBody(post(stream))).resolves.toEqual({ text: "grüße ✓ 🔑" });
  });

  it("refuses an empty or whitespace-only body with invalid_json", async () => {
    await expectAppError(readJsonBody(post("")), "invalid_json");
    await expectAppError(readJsonBody(post(" \n\t ")), "invalid_json");
    await expectAppError(readJsonBody(post(null)), "invalid_json");
  });

  const badJson = ["{", "{'a':1}", '{"a":1,}', "undefined", "NaN", '{"a":1} trailing', "{\"a\":01}", "\u0000"];
  for (const text of badJson) {
    it(`refuses ${JSON.stringify(text)} with invalid_json`, async () => {
      await expectAppError(readJsonBody(post(text)), "invalid_json");
    });
  }

  const invalidUtf8: Array<[string, number[]]> = [
    ["a lone continuation byte", [0x80]],
    ["a truncated two-byte sequence", [0xc3]],
    ["an overlong encoding of '\"'", [0xc0, 0xa2]],
    ["a UTF-16 surrogate encoded as UTF-8", [0xed, 0xa0, 0x80]],
    ["the byte 0xff", [0xff]],
  ];
  for (const [label, sequence] of invalidUtf8) {
    it(`refuses ${label} inside a JSON string with invalid_json`, async () => {
      const body = new Uint8Array([...encoder.encode('{"text":"'), ...sequence, ...encoder.encode('"}')]);
      await expectAppError(readJsonBody(post(body)), "invalid_json");
    });
  }
});
