import "server-only";
import { getAppContext } from "@/lib/app-context";
import { createApiHandler } from "./api-handler";
import { SOCKET_IP_HEADER } from "./client-ip";

const handleApiRequest = createApiHandler(getAppContext);

/**
 * What every app/api route file exports. The socket address comes from the header our own
 * server sets (and overwrites) in front of Next.js.
 */
export function nextApiRoute(request: Request): Promise<Response> {
  return handleApiRequest(request, { socketIp: request.headers.get(SOCKET_IP_HEADER) ?? undefined });
}
