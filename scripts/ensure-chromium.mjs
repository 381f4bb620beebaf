// The end-to-end tests drive Debian's Chromium. On a fresh machine (where we are root, as in
// CI) this installs it from apt; elsewhere it says what to install. It never downloads a
// browser build of its own.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

const CHROMIUM_PATH = "/usr/bin/chromium";

if (!existsSync(CHROMIUM_PATH)) {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error(`The end-to-end tests need ${CHROMIUM_PATH}. Install Debian's package: sudo apt-get install -y chromium`);
    process.exit(1);
  }
  console.log("Installing Debian's chromium for the end-to-end tests ...");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  execFileSync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
}
