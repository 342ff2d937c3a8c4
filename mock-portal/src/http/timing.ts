import type { RequestHandler } from 'express';

/**
 * Adds up how long the server spends on requests, from arrival to the last byte written, so that
 * `npm run bench` can say what share of a suite's time was spent waiting on the server.
 * Two counters and a clock read per request: cheap enough to stay on.
 */
export class RequestTiming {
  requests = 0;
  totalNanoseconds = 0n;
  slowestNanoseconds = 0n;

  readonly middleware: RequestHandler = (_req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const spent = process.hrtime.bigint() - started;
      this.requests += 1;
      this.totalNanoseconds += spent;
      if (spent > this.slowestNanoseconds) this.slowestNanoseconds = spent;
    });
    next();
  };

  snapshot(): { requests: number; totalMs: number; slowestMs: number } {
    return {
      requests: this.requests,
      totalMs: Number(this.totalNanoseconds / 1000n) / 1000,
      slowestMs: Number(this.slowestNanoseconds / 1000n) / 1000,
    };
  }
}
