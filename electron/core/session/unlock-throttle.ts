// Repeated wrong passphrases slow down: the first three failures cost nothing extra (beyond the
// key derivation itself); after that each failure doubles the wait, up to five minutes. Kept in
// memory only, because a wrong passphrase must change nothing on disk.

const FREE_FAILURES = 3;
const FIRST_WAIT_SECONDS = 10;
const MAX_WAIT_SECONDS = 300;

export class UnlockThrottle {
  private failures = 0;
  private blockedUntil = 0;

  constructor(private readonly now: () => number) {}

  /** Seconds to wait before another attempt is considered; 0 when one may be made now. */
  retryAfterSeconds(): number {
    return Math.max(0, Math.ceil((this.blockedUntil - this.now()) / 1000));
  }

  recordFailure(): void {
    this.failures += 1;
    if (this.failures > FREE_FAILURES) {
      const wait = Math.min(MAX_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** (this.failures - FREE_FAILURES - 1));
      this.blockedUntil = this.now() + wait * 1000;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}
