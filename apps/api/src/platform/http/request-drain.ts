import { Injectable } from '@nestjs/common';

/**
 * Counts HTTP requests in progress, so a stopping instance can stop accepting, let every accepted
 * request finish (its write committed and answered), and only then tear down GraphQL and the database.
 */
@Injectable()
export class RequestDrain {
  private active = 0;
  private waiters: (() => void)[] = [];
  /** Set when the instance starts stopping: requests arriving on kept-alive connections are refused. */
  closing = false;

  /** Stop taking requests and wait for those already taken. */
  drain(): Promise<void> {
    this.closing = true;
    return this.idle();
  }

  begin(): () => void {
    this.active += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.active -= 1;
      if (this.active === 0) for (const resolve of this.waiters.splice(0)) resolve();
    };
  }

  idle(): Promise<void> {
    return this.active === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
