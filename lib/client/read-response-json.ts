/** A response's JSON body, or undefined when it has none or it is not JSON (a proxy's HTML error page, say). */
export async function readResponseJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}
