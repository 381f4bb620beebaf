// Server memory from /proc: the server process and any processes it started.
import { readFileSync, readdirSync } from "node:fs";

const SAMPLE_INTERVAL_MS = 100;
const KB_PER_MB = 1024;

/** @param {number} pid @param {string} field */
function statusKb(pid, field) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The pid and all its descendants (via /proc/<pid>/task/<tid>/children). @param {number} pid */
export function processTree(pid) {
  const seen = [pid];
  for (let index = 0; index < seen.length; index++) {
    let tasks = [];
    try {
      tasks = readdirSync(`/proc/${seen[index]}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${seen[index]}/task/${task}/children`, "utf8").trim();
        if (children) for (const child of children.split(/\s+/)) seen.push(Number(child));
      } catch {
        // task ended
      }
    }
  }
  return seen;
}

/**
 * Samples the resident memory of a server (and its descendants) every 100 ms until stopped.
 * `peakRssMb` is the highest sum of VmHWM (kernel-kept high-water marks, so no spike between
 * samples is missed); `sampledPeakRssMb` the highest sum of VmRSS seen while sampling.
 * @param {number} pid
 */
export function startRssSampler(pid) {
  let sampledPeakKb = 0;
  let highWaterKb = 0;
  const sample = () => {
    const tree = processTree(pid);
    const rss = tree.reduce((sum, member) => sum + statusKb(member, "VmRSS"), 0);
    const hwm = tree.reduce((sum, member) => sum + statusKb(member, "VmHWM"), 0);
    sampledPeakKb = Math.max(sampledPeakKb, rss);
    highWaterKb = Math.max(highWaterKb, hwm);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  timer.unref();
  return {
    /** @returns {{ peakRssMb: number, sampledPeakRssMb: number, processes: number }} */
    stop() {
      sample();
      clearInterval(timer);
      return {
        peakRssMb: Math.round(highWaterKb / KB_PER_MB),
        sampledPeakRssMb: Math.round(sampledPeakKb / KB_PER_MB),
        processes: processTree(pid).length,
      };
    },
  };
}
