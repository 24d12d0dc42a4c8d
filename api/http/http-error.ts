import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../../schema';

/**
 * A request the server refuses on purpose. Thrown anywhere below a route (also inside a SQLite
 * transaction, which it rolls back) and turned into a JSON answer by the app's error handler.
 */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  get body(): ErrorBody {
    return { error: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}
