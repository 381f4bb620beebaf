import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Comments may mention modules ("import from @/lib/crypto"); only code counts.
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

const cryptoDir = path.resolve(import.meta.dirname, "../../../lib/crypto");
const sources = readdirSync(cryptoDir)
  .filter((name) => name.endsWith(".ts"))
  .map((name) => ({ name, text: withoutComments(readFileSync(path.join(cryptoDir, name), "utf8")) }));

// lib/crypto ships to browsers and runs on the server; anything environment-specific here
// would either break one side or leak server code into the client bundle.
describe("lib/crypto purity", () => {
  it("imports only tweetnacl, @noble/hashes and its own files", () => {
    expect(sources.length).toBeGreaterThan(5);
    for (const { name, text } of sources) {
      const specifiers = Array.from(text.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g), (match) => match[1] ?? "");
      for (const specifier of specifiers) {
        const allowed = specifier === "tweetnacl" || /^@noble\/hashes\/[a-z0-9-]+\.js$/.test(specifier) || /^\.\/[a-z0-9-]+$/.test(specifier);
        expect(allowed, `${name} imports ${specifier}`).toBe(true);
      }
    }
  });

  it("touches no DOM, Node globals or environment", () => {
    for (const { name, text } of sources) {
      expect(text, name).not.toMatch(/\b(process|window|document|localStorage|Buffer|require)\b\s*[.(]/);
      expect(text, name).not.toMatch(/server-only|client-only|node:/);
    }
  });
});
