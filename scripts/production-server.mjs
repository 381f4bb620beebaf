// What `npm start` runs, read from package.json, so every script and test that starts the
// production server (demo, bench, system and e2e tests) starts it exactly the same way,
// Node flags included.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** The Node arguments of package.json's `start` script: flags, then the entry file (absolute). */
export function productionServerArgs(root = ROOT) {
  const start = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts?.start ?? "";
  const [command, ...args] = start.trim().split(/\s+/);
  if (command !== "node" || args.length === 0) throw new Error(`package.json's start script must be "node [flags] <entry>", not "${start}"`);
  const entry = args.at(-1);
  return [...args.slice(0, -1), path.resolve(root, entry)];
}

/** Whether `npm run build` has produced the Next.js build, the production server and the reveal page's assets. */
export function isProductionBuildPresent(root = ROOT) {
  const entry = productionServerArgs(root).at(-1);
  return existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(entry) && existsSync(path.join(root, ".next/hushlink-reveal/manifest.json"));
}
