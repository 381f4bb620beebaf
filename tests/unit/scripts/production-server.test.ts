import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { productionServerArgs } from "../../../scripts/production-server.mjs";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const scratch: string[] = [];
afterEach(() => scratch.splice(0).forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function projectWithStart(start: string): string {
  const directory = mkdtempSync(path.join(tmpdir(), "hushlink-start-"));
  scratch.push(directory);
  writeFileSync(path.join(directory, "package.json"), JSON.stringify({ scripts: { start } }));
  return directory;
}

describe("productionServerArgs", () => {
  it("starts what npm start starts: the heap cap, then the built server", () => {
    const args = productionServerArgs(ROOT);
    expect(args.at(-1)).toBe(path.join(ROOT, ".next/hushlink-server/main.mjs"));
    expect(args).toContain("--max-old-space-size=192");
  });

  it("keeps flags in order and resolves the entry against the project", () => {
    const root = projectWithStart("node  --a=1 --b  dist/server.mjs");
    expect(productionServerArgs(root)).toEqual(["--a=1", "--b", path.join(root, "dist/server.mjs")]);
  });

  it("refuses a start script that is not a plain node command", () => {
    expect(() => productionServerArgs(projectWithStart("next start"))).toThrow(/must be "node/);
    expect(() => productionServerArgs(projectWithStart("node"))).toThrow(/must be "node/);
  });
});
