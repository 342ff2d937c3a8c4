import { request } from 'node:https';

/**
 * A fetch over HTTPS that trusts one more certificate: the portal's own, when it serves HTTPS with
 * a certificate it made, so that its relying parties can reach its login service (Node's own
 * fetch takes no extra trust without a dispatcher library).
 */
export function fetchTrusting(certificate: string | Buffer): typeof fetch {
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const body =
        typeof init.body === 'string' || init.body instanceof URLSearchParams ? String(init.body) : undefined;
      const outgoing = request(url, { method: init.method ?? 'GET', headers, ca: certificate }, (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers))
            for (const each of Array.isArray(value) ? value : value === undefined ? [] : [value])
              responseHeaders.append(name, each);
          const status = incoming.statusCode ?? 500;
          const payload = status === 204 || status === 304 ? null : Buffer.concat(chunks);
          resolve(new Response(payload, { status, headers: responseHeaders }));
        });
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
}
