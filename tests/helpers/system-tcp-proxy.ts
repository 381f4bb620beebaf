import { connect, createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";

/**
 * A loopback TCP proxy in front of PostgreSQL that a test can cut: "blackhole" drops every
 * open connection and leaves new ones hanging without an answer (a network partition),
 * "refuse" closes new ones at once (a stopped server); "up" restores normal service.
 */
export async function startTcpProxy(options: { targetPort: number; targetHost?: string }) {
  let mode: "up" | "blackhole" | "refuse" = "up";
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    sockets.add(client);
    client.on("close", () => sockets.delete(client));
    client.on("error", () => undefined);
    if (mode === "refuse") return client.destroy();
    if (mode === "blackhole") return; // accept, then never answer
    const upstream = connect(options.targetPort, options.targetHost ?? "127.0.0.1");
    sockets.add(upstream);
    upstream.on("close", () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    cut: (how: "blackhole" | "refuse") => {
      mode = how;
      for (const socket of sockets) socket.destroy();
    },
    restore: () => {
      mode = "up";
      for (const socket of sockets) socket.destroy(); // hanging blackholed clients
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
