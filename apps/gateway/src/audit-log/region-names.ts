import { Injectable } from '@nestjs/common';
import { RpcPatterns } from '@pilot/contracts';
import { RpcClient } from '@pilot/messaging';

/** Regions hardly ever change: a list asked of identity serves this long. */
const KEEP_MS = 10 * 60_000;
/** Names only make the log easier to read: the log does not wait long for them, nor ask again at once when identity did not answer. */
const LOOKUP_TIMEOUT_MS = 3_000;
const RETRY_AFTER_MS = 30_000;

interface Region {
  code: string;
  name: string;
}

interface Kept {
  until: number;
  list: Promise<Region[]>;
}

/**
 * The names of the province and city codes audit entries keep, asked of identity and kept a
 * while. A list identity cannot give now is left out (the codes still show) for a short while.
 */
@Injectable()
export class RegionNames {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly rpc: RpcClient) {}

  /** Names by code: every province's, and the cities' of the provinces given. */
  async namesFor(provinceCodes: Iterable<string>): Promise<Map<string, string>> {
    const lists = await Promise.all([
      this.list('provinces', () => this.rpc.request(RpcPatterns.identity.listProvinces, undefined, LOOKUP_TIMEOUT_MS)),
      ...[...new Set(provinceCodes)].map((provinceCode) =>
        this.list(`cities:${provinceCode}`, () => this.rpc.request(RpcPatterns.identity.listCities, { provinceCode }, LOOKUP_TIMEOUT_MS)),
      ),
    ]);
    return new Map(lists.flat().map(({ code, name }) => [code, name]));
  }

  private list(key: string, load: () => Promise<Region[]>): Promise<Region[]> {
    const kept = this.kept.get(key);
    if (kept && Date.now() < kept.until) return kept.list;
    const fresh: Kept = {
      until: Date.now() + KEEP_MS,
      list: load().catch(() => {
        fresh.until = Date.now() + RETRY_AFTER_MS;
        return [];
      }),
    };
    this.kept.set(key, fresh);
    return fresh.list;
  }
}
