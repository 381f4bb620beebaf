// Every child process and every resource the bench creates is registered here, so all of
// them go away when the bench ends: normally, on an error, on Ctrl-C, or on a crash.

/** @type {Set<import("node:child_process").ChildProcess>} */
const children = new Set();
/** @type {Array<() => Promise<unknown>>} */
const cleanups = [];
/** One stuck cleanup (an unreachable database) must not keep the bench from ending. */
const CLEANUP_TIMEOUT_MS = 15_000;

/**
 * Kills a child and, when it leads its own process group (spawned `detached`), every
 * process in that group too: `next start` and Chromium start helpers of their own.
 * @param {import("node:child_process").ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
export function signalChild(child, signal) {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    if (/** @type {any} */ (child).__benchGroup) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // already gone
  }
}

/**
 * Remembers a child until it exits. `group` marks a child spawned with `detached: true`,
 * which leads a process group that is signalled as a whole.
 * @template {import("node:child_process").ChildProcess} T
 * @param {T} child
 * @param {{ group?: boolean }} [options]
 * @returns {T}
 */
export function trackChild(child, options = {}) {
  if (options.group) Object.defineProperty(child, "__benchGroup", { value: true });
  children.add(child);
  child.once("exit", () => children.delete(child));
  return child;
}

/**
 * Stops a child politely (SIGTERM), then firmly (SIGKILL) after `graceMs`.
 * @param {import("node:child_process").ChildProcess} child
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
export function stopChild(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalChild(child, "SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      // Anything the child left behind in its group goes too.
      signalChild(child, "SIGKILL");
      resolve();
    });
    signalChild(child, "SIGTERM");
  });
}

/**
 * Registers an async cleanup (drop a database, close a browser); returns a function that
 * runs it once and unregisters it.
 * @param {() => Promise<unknown>} cleanup
 * @returns {() => Promise<void>}
 */
export function deferCleanup(cleanup) {
  let done = false;
  const once = async () => {
    if (done) return;
    done = true;
    const index = cleanups.indexOf(once);
    if (index >= 0) cleanups.splice(index, 1);
    await cleanup();
  };
  cleanups.push(once);
  return once;
}

/** Runs every pending cleanup, newest first, and kills every child still alive. */
export async function cleanUpEverything() {
  for (const child of children) signalChild(child, "SIGTERM");
  while (cleanups.length) {
    const cleanup = cleanups[cleanups.length - 1];
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(resolve, CLEANUP_TIMEOUT_MS)));
    await Promise.race([cleanup().catch(() => undefined), timeout]);
    clearTimeout(timer);
    if (cleanups[cleanups.length - 1] === cleanup) cleanups.pop();
  }
  killChildrenNow();
}

/** The last resort, synchronous: SIGKILL for every child still alive. */
export function killChildrenNow() {
  for (const child of children) signalChild(child, "SIGKILL");
}

let handlersInstalled = false;

/** Makes Ctrl-C, SIGTERM and crashes clean up before the process ends. */
export function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", killChildrenNow);
  for (const signal of /** @type {NodeJS.Signals[]} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, cleaning up\n`);
      void cleanUpEverything().finally(() => process.exit(130));
    });
  }
  process.on("uncaughtException", (error) => {
    process.stderr.write(`bench: uncaught ${error?.stack ?? error}\n`);
    void cleanUpEverything().finally(() => process.exit(1));
  });
}
