import { describe, expect, it } from "vitest";
import { buildShareLink, encodeBase64Url, parseLinkKey } from "@/lib/crypto";

const linkKey = encodeBase64Url(Uint8Array.from({ length: 32 }, (_, index) => 255 - index * 3));
const id = "AAECAwQFBgcICQoLDA0ODw";

describe("buildShareLink", () => {
  it("puts the id in the path and the key in the fragment", () => {
    expect(buildShareLink({ origin: "https://hush.example", id, linkKey })).toBe(`https://hush.example/s/${id}#${linkKey}`);
  });

  it("drops trailing slashes from the origin", () => {
    expect(buildShareLink({ origin: "http://localhost:3000/", id, linkKey })).toBe(`http://localhost:3000/s/${id}#${linkKey}`);
  });

  it("refuses a link key that would not parse back", () => {
    expect(() => buildShareLink({ origin: "https://hush.example", id, linkKey: `${linkKey}=` })).toThrow(
      expect.objectContaining({ code: "bad_link_key" }),
    );
  });

  it("round-trips through URL parsing and parseLinkKey", () => {
    const url = new URL(buildShareLink({ origin: "https://hush.example", id, linkKey }));
    expect(url.pathname).toBe(`/s/${id}`);
    expect(parseLinkKey(url.hash)).toBe(linkKey);
  });
});

describe("parseLinkKey", () => {
  it("accepts a 32-byte key with or without the leading #", () => {
    expect(parseLinkKey(linkKey)).toBe(linkKey);
    expect(parseLinkKey(`#${linkKey}`)).toBe(linkKey);
  });

  it("refuses empty input, a bare #, and a doubled #", () => {
    expect(parseLinkKey("")).toBeNull();
    expect(parseLinkKey("#")).toBeNull();
    expect(parseLinkKey(`##${linkKey}`)).toBeNull();
  });

  it("refuses keys that decode to other lengths", () => {
    expect(parseLinkKey(encodeBase64Url(new Uint8Array(31)))).toBeNull();
    expect(parseLinkKey(encodeBase64Url(new Uint8Array(33)))).toBeNull();
    expect(parseLinkKey(linkKey.slice(0, -1))).toBeNull();
  });

  it("refuses padding, whitespace, standard-base64 characters and percent-encoding", () => {
    const standard = Buffer.from(linkKey, "base64url").toString("base64");
    expect(standard).toMatch(/[+/]/);
    for (const candidate of [`${linkKey}=`, `${linkKey} `, `#${linkKey}\n`, ` ${linkKey}`, standard, standard.replace(/=+$/, ""), encodeURIComponent(standard)]) {
      expect(parseLinkKey(candidate)).toBeNull();
    }
  });

  it("refuses non-canonical trailing bits (43rd character must have its low 2 bits clear)", () => {
    const last = linkKey.slice(-1);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const sibling = alphabet.charAt(alphabet.indexOf(last) | 1);
    expect(sibling).not.toBe(last);
    expect(parseLinkKey(`${linkKey.slice(0, -1)}${sibling}`)).toBeNull();
  });

  it("refuses extra fragment content after the key", () => {
    expect(parseLinkKey(`#${linkKey}&utm_source=mail`)).toBeNull();
    expect(parseLinkKey(`#${linkKey}/`)).toBeNull();
  });
});
