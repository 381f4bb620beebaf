import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import next from "next";
import { getAppContext } from "@/lib/app-context";
import { createApiCoreHandler } from "@/lib/http/api-handler";
import { SOCKET_IP_HEADER } from "@/lib/http/client-ip";
import { describeError, logEvent } from "@/lib/log";
import { handleRevealPageRequest, isRevealPageRequest } from "@/lib/reveal-page/server/reveal-page-routes";
import { fromNodeRequest, writeApiResponse } from "./node-api-bridge";

export const SHUTDOWN_GRACE_MS = 10_000;
const LEAN_API_PATH = /^\/api\/(v1\/|(health|metrics)(\/|\?|$))/;

/**
 * Hushlink's production server. API requests and the reveal page take the lean path
 * straight to the same handlers (without Web Request/Response objects) the Next.js route
 * files mount, skipping Next's router; everything else is handed to Next. Both paths see the socket address only through a header this server overwrites.
 */
export async function startServer(options: { port: number; hostname: string; dir: string }): Promise<{ server: Server; shutdown: () => Promise<void> }> {
  // Migrate and connect before listening: a broken database config fails the start, loudly.
  await getAppContext();
  const nextApp = next({ dev: false, dir: options.dir, hostname: options.hostname, port: options.port });
  await nextApp.prepare();
  const handleNext = nextApp.getRequestHandler();
  const handleApi = createApiCoreHandler(getAppContext);

  const handleRequest = async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const socketIp = incoming.socket.remoteAddress;
    if (LEAN_API_PATH.test(incoming.url ?? "")) {
      const { request, bodyAbandoned } = fromNodeRequest(incoming);
      const response = await handleApi(request, { socketIp });
      writeApiResponse(response, outgoing, { closeConnection: bodyAbandoned() });
      return;
    }
    // The reveal page is what a recipient waits for: no Next.js router in front of it either.
    if (isRevealPageRequest(incoming.method, incoming.url ?? "")) {
      const { request } = fromNodeRequest(incoming);
      writeApiResponse(await handleRevealPageRequest(request), outgoing, { closeConnection: false });
      return;
    }
    incoming.headers[SOCKET_IP_HEADER] = socketIp ?? "unknown";
    await handleNext(incoming, outgoing);
  };

  const server = createServer((incoming, outgoing) => {
    delete incoming.headers[SOCKET_IP_HEADER];
    handleRequest(incoming, outgoing).catch((error: unknown) => {
      logEvent("error", "server.request_failed", describeError(error));
      if (!outgoing.headersSent) {
        outgoing.statusCode = 500;
        outgoing.setHeader("Content-Type", "application/json");
        outgoing.setHeader("Cache-Control", "no-store");
      }
      outgoing.end(JSON.stringify({ error: { code: "internal_error", message: "Something went wrong on our side." } }));
    });
  });
  // Slow clients may not hold sockets open forever (slow-loris).
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  logEvent("info", "server.listening", { hostname: options.hostname, port: options.port });

  const shutdown = async () => {
    logEvent("info", "server.stopping");
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const forceTimer = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await closed;
    clearTimeout(forceTimer);
    const context = await getAppContext().catch(() => undefined);
    await context?.db.close();
    await nextApp.close().catch(() => undefined);
  };
  return { server, shutdown };
}
