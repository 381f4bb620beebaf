import { deriveRevealKeys, sealSecret } from "@/lib/crypto";

export type TClientSecret = { id: string; proof: string; maxViews: number };

/** Creates a real secret over HTTP; null when the server did not answer 201. */
export async function createOverHttp(baseUrl: string, options: { text: string; maxViews?: number; headers?: Record<string, string> }): Promise<TClientSecret | null> {
  const sealed = await sealSecret({ payload: { type: "text", text: options.text } });
  const maxViews = options.maxViews ?? 1;
  const response = await fetch(`${baseUrl}/api/v1/secrets`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...options.headers },
    body: JSON.stringify({ envelope: sealed.envelope, verifier: sealed.verifier, expiresIn: 3600, maxViews }),
    signal: AbortSignal.timeout(10_000),
  });
  if (response.status !== 201) return null;
  const { id } = (await response.json()) as { id: string };
  const { proof } = await deriveRevealKeys({ linkKey: sealed.linkKey, kdf: sealed.envelope.kdf });
  return { id, proof, maxViews };
}

export async function revealOverHttp(baseUrl: string, secret: { id: string; proof: string }, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`${baseUrl}/api/v1/secrets/${secret.id}/reveal`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ proof: secret.proof }),
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

export async function viewsLeftOverHttp(baseUrl: string, id: string): Promise<number | null> {
  const response = await fetch(`${baseUrl}/api/v1/secrets/${id}`, { signal: AbortSignal.timeout(10_000) });
  if (response.status === 404) return null;
  return ((await response.json()) as { viewsLeft: number }).viewsLeft;
}
