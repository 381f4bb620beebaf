/**
 * Runs `task` when the main thread has nothing more urgent to do: requestIdleCallback where
 * the browser has it (Safari before 18 does not), else the next task. The timeout keeps a
 * busy page from postponing it forever.
 */
export function whenIdle(task: () => void, options: { timeoutMs?: number } = {}): void {
  const timeout = options.timeoutMs ?? 1_000;
  if (typeof requestIdleCallback === "function") requestIdleCallback(() => task(), { timeout });
  else setTimeout(task, 0);
}
