/** Where the early start-up script leaves the reads it sent, by absolute URL (firstPaint/earlyReads.ts). */
export const earlyReadsKey = Symbol.for('certifications.early-reads');

/** The reads sent before the start-up script ran, by absolute URL. */
export type EarlyReads = Map<string, Promise<Response>>;

/**
 * The answer to a read the early script already sent, taken once: the API client's first GET of that URL gets it
 * instead of asking again. Later calls, and every other request, go to the network.
 */
export function takeEarlyResponse(request: Request): Promise<Response> | undefined {
  if (request.method !== 'GET') return undefined;
  const sent = (globalThis as Record<symbol, EarlyReads | undefined>)[earlyReadsKey];
  const response = sent?.get(request.url);
  sent?.delete(request.url);
  return response;
}
