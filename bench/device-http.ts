import http from 'node:http';

/** A server's answer, read whole. */
export interface Answer {
  status: number;
  ok: boolean;
  text: string;
  json(): unknown;
}

/**
 * How the bench's simulated devices talk to the server. They share the machine's cores with it:
 * plain node:http over kept-alive connections costs the machine a fraction of what fetch costs.
 */
export function deviceHttp(baseUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const { hostname, port } = new URL(baseUrl);
  let resets = 0;
  const once = (method: string, url: string, headers: Record<string, string>, body?: string, fresh = false) =>
    new Promise<Answer>((resolve, reject) => {
      const request = http.request({ agent: fresh ? false : agent, hostname, port, method, path: url, headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: response.statusCode!, ok: response.statusCode! >= 200 && response.statusCode! < 300, text, json: () => JSON.parse(text) as unknown });
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(body);
    });
  /**
   * A request sent on a kept-alive connection that the server closed meanwhile fails with a
   * reset before any answer. A browser sends such a request again by itself, on a new
   * connection, and so does this device, once; the resets are counted and reported. A push may
   * be sent again safely (S3).
   */
  const send = async (method: string, url: string, headers: Record<string, string>, body?: string): Promise<Answer> => {
    try {
      return await once(method, url, headers, body);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== 'ECONNRESET' && code !== 'EPIPE') throw error;
      resets++;
      return once(method, url, headers, body, true);
    }
  };
  return {
    send,
    post: (url: string, body: unknown, token?: string) => send('POST', url, { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, JSON.stringify(body)),
    /** Requests sent again after a reset, so far. */
    get resets() {
      return resets;
    },
    close: () => agent.destroy(),
  };
}
