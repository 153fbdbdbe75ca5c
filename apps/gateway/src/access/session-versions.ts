import { Inject, Injectable } from '@nestjs/common';
import { RpcPatterns } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';

/** Where the account's current session version comes from when no fresh copy is at hand. */
export interface SessionVersionSource {
  versionOf(accountId: string): Promise<number>;
}

export const SESSION_VERSION_SOURCE = Symbol('SESSION_VERSION_SOURCE');
export const SESSION_VERSION_CACHE_MS = Symbol('SESSION_VERSION_CACHE_MS');

/** Identity answers, by RPC (an unknown account fails as UNAUTHENTICATED). */
@Injectable()
export class IdentitySessionVersions implements SessionVersionSource {
  constructor(private readonly rpc: RpcClient) {}

  async versionOf(accountId: string): Promise<number> {
    return (await this.rpc.request(RpcPatterns.identity.sessionVersion, { accountId })).sessionVersion;
  }
}

/** Above this many accounts, copies past their time are dropped before another is added. */
const SWEEP_ABOVE = 10_000;

/**
 * The session version of each account that called lately, so that a token from before a
 * sign-out, a password change or a disabling is refused without asking identity on every call.
 * A copy is trusted for `cacheMs` after identity answered or an event told of a new version
 * (identity.account.sessions-ended, which every gateway process hears); a missed event therefore
 * delays a revocation by at most that long. Versions only grow, so an older answer never
 * replaces a newer one.
 */
@Injectable()
export class SessionVersions {
  private readonly known = new Map<string, { version: number; until: number }>();
  private readonly asking = new Map<string, Promise<number>>();

  constructor(
    @Inject(SESSION_VERSION_SOURCE) private readonly source: SessionVersionSource,
    @Inject(SESSION_VERSION_CACHE_MS) private readonly cacheMs: number,
  ) {}

  /** The version tokens of the account must carry at least; asks identity once for all callers waiting. */
  async current(accountId: string): Promise<number> {
    const copy = this.known.get(accountId);
    if (copy && copy.until > Date.now()) return copy.version;
    let answer = this.asking.get(accountId);
    if (!answer) {
      answer = this.source.versionOf(accountId).finally(() => this.asking.delete(accountId));
      this.asking.set(accountId, answer);
    }
    return this.heard(accountId, await answer);
  }

  /** A version learnt from identity or an event; returns the newest known. */
  heard(accountId: string, version: number): number {
    const newest = Math.max(version, this.known.get(accountId)?.version ?? version);
    if (this.known.size > SWEEP_ABOVE) this.sweep();
    this.known.set(accountId, { version: newest, until: Date.now() + this.cacheMs });
    return newest;
  }

  private sweep(): void {
    const now = Date.now();
    for (const [accountId, copy] of this.known) if (copy.until <= now) this.known.delete(accountId);
  }
}
