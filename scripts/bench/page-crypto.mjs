// Scripts for the in-browser micro-benchmarks, run on a blank page (no CSP): tweetnacl as
// shipped (nacl-fast.min.js) and Hushlink's own lib/crypto bundled to an IIFE with esbuild,
// so the page times exactly the seal, open and scrypt code the app runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { ROOT } from "./databases.mjs";

/** tweetnacl's browser build; defines `window.nacl`. */
export function tweetnaclSource() {
  return readFileSync(path.join(ROOT, "node_modules/tweetnacl/nacl-fast.min.js"), "utf8");
}

/** lib/crypto as one browser script; defines `window.__hushlinkCrypto`. */
export async function hushlinkCryptoSource() {
  const result = await build({
    stdin: {
      contents: `
        import { sealSecret, openEnvelope, deriveRevealKeys } from "./lib/crypto/index.ts";
        import { derivePassphraseKey } from "./lib/crypto/derive-keys.ts";
        window.__hushlinkCrypto = { sealSecret, openEnvelope, deriveRevealKeys, derivePassphraseKey };`,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2022",
    // tweetnacl falls back to require("crypto") only outside browsers.
    external: ["crypto"],
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/**
 * Runs in the page: median timings of secretbox and of Hushlink's seal/open at each size,
 * and of scrypt at N=2^17, r=8, p=1.
 * @param {{ sizes: Array<[string, number]>, repeats: number, scryptRepeats: number }} options
 */
export async function pageBenchmarks({ sizes, repeats, scryptRepeats }) {
  /** @param {number[]} values */
  const median = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)] * 10) / 10;
  };
  /** @param {() => unknown} work */
  const time = async (work) => {
    const started = performance.now();
    await work();
    return performance.now() - started;
  };
  // @ts-ignore: defined by the injected scripts
  const { nacl, __hushlinkCrypto: app } = window;
  const out = { secretbox: {}, hushlink: {}, scrypt: {} };
  for (const [name, size] of sizes) {
    const data = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(data.subarray(offset, Math.min(size, offset + 65_536)));
    const key = nacl.randomBytes(32);
    const nonce = nacl.randomBytes(24);
    const encrypt = [];
    const decrypt = [];
    for (let run = 0; run < repeats; run++) {
      let box;
      encrypt.push(await time(() => (box = nacl.secretbox(data, nonce, key))));
      decrypt.push(await time(() => nacl.secretbox.open(box, nonce, key)));
    }
    out.secretbox[name] = { encryptMs: median(encrypt), decryptMs: median(decrypt) };

    const text = "x".repeat(size);
    const seal = [];
    const open = [];
    for (let run = 0; run < repeats; run++) {
      let sealed;
      seal.push(await time(async () => (sealed = await app.sealSecret({ payload: { type: "text", text } }))));
      open.push(
        await time(async () => {
          const keys = await app.deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf });
          const payload = app.openEnvelope({ envelope: sealed.envelope, encryptionKey: keys.encryptionKey });
          if (payload.text.length !== size) throw new Error("round trip failed");
        }),
      );
    }
    out.hushlink[name] = { sealMs: median(seal), openMs: median(open) };
  }
  const scrypt = [];
  for (let run = 0; run < scryptRepeats; run++) {
    const salt = nacl.randomBytes(16);
    const saltText = btoa(String.fromCharCode(...salt)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    scrypt.push(await time(() => app.derivePassphraseKey({ kdf: { alg: "scrypt", N: 131_072, r: 8, p: 1, salt: saltText }, passphrase: "correct horse battery staple" })));
  }
  out.scrypt = { N: 131_072, r: 8, p: 1, medianMs: median(scrypt), runs: scryptRepeats };
  return out;
}
