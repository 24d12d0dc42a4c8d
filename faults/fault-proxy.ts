import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pushRequestSchema, pushResponseSchema } from '../schema';
import { PushLedger } from '../worker/fuzz/push-ledger';

/** One request that went through the proxy, as the fault checks need it. */
export interface ProxiedRequest {
  method: string;
  /** Path and query, as the client sent them. */
  url: string;
  startedAt: number;
  endedAt?: number;
  status?: number;
  /** How it ended: answered in full, cut by the proxy, or broken by the server going away. */
  outcome?: 'answered' | 'cut' | 'upstream_failed' | 'client_gone';
  /** For a pull: the `cursor` it asked from and, if the whole page arrived, the cursor the page named. */
  pullFrom?: number;
  pullTo?: number;
}

/** Where to cut the next request that matches: after `atByte` bytes of its body, one way. */
export interface CutPlan {
  matches(method: string, url: string): boolean;
  /** `response`: the server answers, the device gets only part of it. `request`: the server gets only part of the body. */
  direction: 'response' | 'request';
  /**
   * A fraction in [0, 1) of the body's length (from content-length; a streamed body without one
   * counts as `streamedBytes`). A response cut at 0 loses the status line too; any later cut
   * comes after the status and headers.
   */
  atFraction: number;
  streamedBytes?: number;
}

export interface CutReport {
  request: ProxiedRequest;
  atByte: number;
  ofBytes: number;
}

const pullCursor = (url: string) => Number(new URL(url, 'http://x').searchParams.get('cursor'));

/**
 * An HTTP proxy on loopback between the devices (or the browser) and the server. It forwards
 * everything, and it can cut one chosen request after a chosen number of body bytes in either
 * direction, the way a phone losing signal mid-transfer would. It also keeps the push ledger
 * (worker/fuzz/push-ledger.ts): every push the server answered, whether or not the answer got
 * back to the device, so the checks judge what the server claimed rather than what a device heard.
 * The upstream can change (a restarted server listens on a new port); the address devices use does not.
 */
export class FaultProxy {
  /** Replaced at the start of each run, so that the checks see only that run's pushes. */
  ledger = new PushLedger();
  readonly log: ProxiedRequest[] = [];
  private server?: http.Server;
  private armed?: { plan: CutPlan; resolve: (report: CutReport) => void };
  private readonly inFlight = new Set<ProxiedRequest>();
  private readonly agent = new http.Agent({ keepAlive: true });
  baseUrl = '';
  /**
   * A slow link: each answer is held this long after the server gave it, so a round takes long
   * enough for a fault to land inside it (the server has applied a push, the device not heard yet).
   */
  latencyMs = 0;
  /** While true, the network is down: every connection is dropped as it arrives. */
  private blocked = false;

  constructor(private upstream: string) {}

  retarget(upstream: string): void {
    this.upstream = upstream;
    // Connections to the old server are dead: never reuse one.
    this.agent.destroy();
  }

  /** Requests that have started and not ended (what a kill or a stop lands on). */
  requestsInFlight(): ProxiedRequest[] {
    return [...this.inFlight];
  }

  /** Cuts the next request matching the plan; resolves once it has been cut. */
  arm(plan: CutPlan): Promise<CutReport> {
    return new Promise((resolve) => {
      this.armed = { plan, resolve };
    });
  }

  disarm(): void {
    this.armed = undefined;
  }

  /**
   * No network at all, whatever the browser believes: Playwright's offline emulation reaches a
   * service worker only once it has attached to it, and a worker that starts again can slip a
   * request out before that. Down also drops connections already open.
   */
  setNetworkDown(down: boolean): void {
    this.blocked = down;
    if (down) this.server?.closeAllConnections();
  }

  async listen(port = 0): Promise<string> {
    this.server = http.createServer((req, res) => this.forward(req, res));
    this.server.on('connection', (socket) => {
      if (this.blocked) socket.destroy();
    });
    this.server.keepAliveTimeout = 5_000;
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    this.agent.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve) ?? resolve(undefined));
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse) {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const entry: ProxiedRequest = { method, url, startedAt: Date.now() };
    if (method === 'GET' && url.startsWith('/api/sync/pull')) entry.pullFrom = pullCursor(url);
    this.log.push(entry);
    this.inFlight.add(entry);
    const end = (outcome: NonNullable<ProxiedRequest['outcome']>) => {
      if (entry.outcome) return;
      entry.outcome = outcome;
      entry.endedAt = Date.now();
      this.inFlight.delete(entry);
    };
    let cut: (CutPlan & { report(atByte: number, ofBytes: number): void }) | undefined;
    if (this.armed?.plan.matches(method, url)) {
      const { plan, resolve } = this.armed;
      this.armed = undefined;
      cut = { ...plan, report: (atByte, ofBytes) => resolve({ request: entry, atByte, ofBytes }) };
    }
    const isPush = method === 'POST' && url.startsWith('/api/sync/push');
    const requestBody: Buffer[] = [];
    let requestCut = false;

    const target = new URL(url, this.upstream);
    const upstreamRequest = http.request(target, { method, headers: { ...req.headers, host: target.host }, agent: this.agent }, (upstreamResponse) => {
      if (this.latencyMs > 0) {
        upstreamResponse.pause();
        setTimeout(() => {
          respond(upstreamResponse);
          upstreamResponse.resume();
        }, this.latencyMs);
      } else respond(upstreamResponse);
    });
    const respond = (upstreamResponse: http.IncomingMessage) => {
      entry.status = upstreamResponse.statusCode;
      const length = Number(upstreamResponse.headers['content-length'] ?? NaN);
      const responseBody: Buffer[] = [];
      const budget = cut?.direction === 'response' ? Math.floor(cut.atFraction * (Number.isFinite(length) ? length : (cut.streamedBytes ?? 4096))) : Infinity;
      let sent = 0;
      let severed = false;
      // The device loses the connection; the proxy still reads the whole answer, so that a push
      // the server answered goes into the ledger even though its answer never reached the device.
      const sever = () => {
        severed = true;
        cut!.report(sent, length);
        end('cut');
        res.socket?.destroy();
      };
      // Cut at byte 0: the device gets nothing, not even the status (the server did answer).
      if (budget === 0) setImmediate(sever);
      else res.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
      upstreamResponse.on('data', (chunk: Buffer) => {
        responseBody.push(chunk);
        if (severed || sent >= budget) return;
        if (sent + chunk.length <= budget) {
          sent += chunk.length;
          res.write(chunk);
          return;
        }
        const part = chunk.subarray(0, budget - sent);
        sent += part.length;
        res.write(part, () => sever());
      });
      upstreamResponse.on('end', () => {
        if (sent >= budget) return this.noteAnswer(entry, requestBody, responseBody, false);
        res.end(() => {
          end('answered');
          this.noteAnswer(entry, requestBody, responseBody, true);
        });
      });
      upstreamResponse.on('error', () => {
        end('upstream_failed');
        res.socket?.destroy();
      });
    };
    upstreamRequest.on('error', () => {
      // The server went away (killed) or refused the connection: the device sees the network fail.
      if (!requestCut) end('upstream_failed');
      res.socket?.destroy();
    });
    res.on('close', () => {
      if (!entry.outcome) end('client_gone');
    });

    const length = Number(req.headers['content-length'] ?? NaN);
    const requestBudget = cut?.direction === 'request' ? Math.floor(cut.atFraction * (Number.isFinite(length) ? length : (cut.streamedBytes ?? 4096))) : Infinity;
    let forwarded = 0;
    // The server gets part of the body, then the connection drops (an upload cut mid-way).
    const severRequest = () => {
      requestCut = true;
      cut!.report(forwarded, length);
      end('cut');
      upstreamRequest.destroy();
      req.socket.destroy();
    };
    if (requestBudget === 0) {
      upstreamRequest.flushHeaders();
      setImmediate(severRequest);
    }
    req.on('data', (chunk: Buffer) => {
      if (isPush) requestBody.push(chunk);
      if (requestCut || forwarded >= requestBudget) return;
      if (forwarded + chunk.length <= requestBudget) {
        forwarded += chunk.length;
        upstreamRequest.write(chunk);
        return;
      }
      const part = chunk.subarray(0, requestBudget - forwarded);
      forwarded += part.length;
      upstreamRequest.write(part, () => severRequest());
    });
    req.on('end', () => {
      if (forwarded < requestBudget) upstreamRequest.end();
      if (!isPush) return;
      const parsed = pushRequestSchema.safeParse(safeJson(Buffer.concat(requestBody).toString('utf8')));
      if (parsed.success && forwarded < requestBudget) this.ledger.noteSent(parsed.data);
    });
  }

  /** Pushes go into the ledger; a pull page that arrived whole records where it leads. */
  private noteAnswer(entry: ProxiedRequest, requestBody: Buffer[], responseBody: Buffer[], delivered: boolean) {
    if (entry.status !== 200) return;
    const answer = safeJson(Buffer.concat(responseBody).toString('utf8'));
    if (entry.pullFrom !== undefined) {
      if (delivered) entry.pullTo = (answer as { cursor?: number } | undefined)?.cursor;
      return;
    }
    const request = pushRequestSchema.safeParse(safeJson(Buffer.concat(requestBody).toString('utf8')));
    const response = pushResponseSchema.safeParse(answer);
    if (request.success && response.success) this.ledger.noteAnswer(request.data, response.data, delivered);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
