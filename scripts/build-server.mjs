// Bundles lib/server/main.ts (our code only; node_modules stay external) into one ESM file
// that `npm start` runs with plain Node after `next build`.
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
await build({
  entryPoints: [path.join(root, "lib/server/main.ts")],
  outfile: path.join(root, ".next/hushlink-server/main.mjs"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  packages: "external",
  sourcemap: true,
  tsconfig: path.join(root, "tsconfig.json"),
  // `server-only` throws outside Next's react-server build by design; this bundle is server code.
  alias: { "server-only": path.join(root, "lib/server/server-only-noop.ts") },
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: "warning",
});
