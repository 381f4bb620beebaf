// Builds the React-free reveal page's assets (lib/reveal-page/server serves the HTML): its
// script (components/reveal-page/main.ts, bundled and minified by esbuild) and its Tailwind
// stylesheet, each named by a hash of its content so /reveal-assets/ can cache them forever.
// Runs at the end of `npm run build` (next build empties .next first) and before `npm run dev`.
import { createHash } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import path from "node:path";
import tailwindcss from "@tailwindcss/postcss";
import { build } from "esbuild";
import postcss from "postcss";

const root = path.resolve(import.meta.dirname, "..");
const outDir = path.join(root, ".next/hushlink-reveal");
const contentHash = (bytes) => createHash("sha256").update(bytes).digest("hex").slice(0, 16);

async function buildScript() {
  const result = await build({
    entryPoints: [path.join(root, "components/reveal-page/main.ts")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: ["chrome111", "firefox111", "safari16.4"],
    minify: true,
    legalComments: "none",
    tsconfig: path.join(root, "tsconfig.json"),
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
  });
  return result.outputFiles[0].contents;
}

async function buildStylesheet() {
  const from = path.join(root, "components/reveal-page/reveal-page.css");
  const result = await postcss([tailwindcss({ base: root, optimize: { minify: true } })]).process(await readFile(from, "utf8"), { from });
  return Buffer.from(result.css);
}

const [script, stylesheet] = await Promise.all([buildScript(), buildStylesheet()]);
const files = { script: `reveal-page.${contentHash(script)}.js`, stylesheet: `reveal-page.${contentHash(stylesheet)}.css` };
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
// Each file also compressed once, at the highest settings, so no request pays for it.
for (const [name, bytes] of [[files.script, script], [files.stylesheet, stylesheet]]) {
  await writeFile(path.join(outDir, name), bytes);
  await writeFile(path.join(outDir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
  await writeFile(path.join(outDir, `${name}.br`), brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT } }));
}
// Written last: a server reading the manifest finds both files in place.
await writeFile(path.join(outDir, "manifest.json"), `${JSON.stringify(files, null, 2)}\n`);
console.log(`reveal page: ${files.script} (${script.length} B), ${files.stylesheet} (${stylesheet.length} B)`);
