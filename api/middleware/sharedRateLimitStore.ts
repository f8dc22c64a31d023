import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit';
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { countHit, forgetWindow, readWindow, sweepEndedWindows, uncountHit, type WindowCount } from '../../db/rateLimitWindows';

const infoOf = ({ hits, msLeft }: WindowCount): ClientRateLimitInfo => ({ totalHits: hits, resetTime: new Date(Date.now() + msLeft) });

/**
 * express-rate-limit's store over PostgreSQL (db/rateLimitWindows.ts): every API instance on the
 * database counts into the same windows, so a client gets the limit once, not once per instance.
 * Windows that have ended are swept by the traffic itself, at most once a window per instance and
 * limiter, off the request's path; a sweep that fails is retried a window later.
 */
export class SharedRateLimitStore implements Store {
  /** Counts are shared: express-rate-limit's check against counting one request twice reads this. */
  readonly localKeys = false;
  private windowMs = 60_000;
  private sweptAt = 0;

  constructor(
    private readonly pool: Pool,
    /** Names the limiter within the service: keys of two limiters never meet. */
    readonly prefix: string,
    private readonly logger: Logger,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    this.sweepOncePerWindow();
    return infoOf(await countHit(this.pool, this.prefix + key, this.windowMs));
  }

  async get(key: string): Promise<ClientRateLimitInfo | undefined> {
    const window = await readWindow(this.pool, this.prefix + key);
    return window && infoOf(window);
  }

  decrement(key: string): Promise<void> {
    return uncountHit(this.pool, this.prefix + key);
  }

  resetKey(key: string): Promise<void> {
    return forgetWindow(this.pool, this.prefix + key);
  }

  private sweepOncePerWindow(): void {
    const now = Date.now();
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    sweepEndedWindows(this.pool).then(
      (swept) => this.logger.debug({ limiter: this.prefix, swept }, 'ended rate-limit windows swept'),
      (err: unknown) => this.logger.warn({ err, limiter: this.prefix }, 'sweeping ended rate-limit windows failed; the next window tries again'),
    );
  }
}
