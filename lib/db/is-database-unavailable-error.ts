const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "57014", // query_canceled (statement timeout)
  "08000",
  "08003",
  "08006",
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
]);

/** Prisma driver-adapter error kinds that mean the connection, not the query, failed. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["ConnectionClosed", "DatabaseNotReachable", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);

const UNAVAILABLE_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connect ECONNREFUSED/i,
  /database is locked/i,
  /Connection closed/i,
  /server (has )?closed the connection/i,
  /client has encountered a connection error/i,
  // Prisma P2028 when no pooled connection could be had before maxWait: the pool is stuck connecting.
  /unable to start a transaction in the given time/i,
];

type TErrorLike = { code?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown; meta?: { driverAdapterError?: unknown } };

/** The errors a thrown error wraps: its cause, and the driver error a Prisma error carries in `meta`. */
function wrappedErrors(candidate: TErrorLike): unknown[] {
  const adapterError = candidate.meta?.driverAdapterError as TErrorLike | undefined;
  return [candidate.cause, adapterError, adapterError?.cause].filter(Boolean);
}

function looksUnavailable(candidate: TErrorLike): boolean {
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
  }
  if (typeof candidate.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(candidate.kind)) return true;
  return typeof candidate.message === "string" && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(candidate.message as string));
}

/** Whether a thrown error means "the database cannot be reached right now" (503, retry) rather than a bug. */
export function isDatabaseUnavailableError(error: unknown): boolean {
  // Breadth-first over the wrapped errors, bounded: error chains can be cyclic.
  const queue: unknown[] = [error];
  for (let visited = 0; queue.length > 0 && visited < 12; visited++) {
    const current = queue.shift();
    if (!current || typeof current !== "object") continue;
    if (looksUnavailable(current as TErrorLike)) return true;
    queue.push(...wrappedErrors(current as TErrorLike));
  }
  return false;
}
