import { describeError, logEvent } from "@/lib/log";
import { startServer } from "./start-server";

const DEFAULT_PORT = 3000;

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
  const port = Number(process.env.PORT ?? DEFAULT_PORT);
  const hostname = process.env.HOSTNAME_BIND ?? process.env.HOST ?? "0.0.0.0";
  const { shutdown } = await startServer({ port, hostname, dir: process.cwd() });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logEvent("info", "server.signal", { signal });
    shutdown().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  logEvent("error", "server.start_failed", { ...describeError(error), message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
