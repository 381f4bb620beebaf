import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** System tests run the production build; build it once if this checkout has none. */
export default function setup() {
  if (existsSync(path.join(ROOT, ".next/BUILD_ID")) && existsSync(path.join(ROOT, ".next/hushlink-server/main.mjs"))) return;
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`npm run build failed with status ${result.status}`);
}
