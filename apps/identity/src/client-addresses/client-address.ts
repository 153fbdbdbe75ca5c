import { BlockList, isIP } from 'node:net';

/** What an address the gateway could not judge counts as: one shared allowance for all of them. */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * The caller's address as the limits count it: an IPv4 address reached over IPv6
 * (`::ffff:1.2.3.4`) is the same client as `1.2.3.4`, and anything that is not an address
 * shares one allowance rather than opening a new one per made-up value.
 */
export function normaliseAddress(raw: unknown): string {
  if (typeof raw !== 'string') return UNKNOWN_ADDRESS;
  const address = raw.trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped) return mapped[1];
  return isIP(address) ? address : UNKNOWN_ADDRESS;
}

/** Parses `LIMIT_EXEMPT_ADDRESSES`: addresses and CIDR ranges, comma-separated; an entry it cannot read is returned in `invalid`. */
export function parseAddressList(list: string): { blocks: BlockList; invalid: string[] } {
  const blocks = new BlockList();
  const invalid: string[] = [];
  for (const entry of list.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : isIP(address) === 4 ? 'ipv4' : null;
    const bits = prefix === undefined ? undefined : Number(prefix);
    if (!family || (bits !== undefined && (!Number.isInteger(bits) || bits < 0 || bits > (family === 'ipv4' ? 32 : 128)))) {
      invalid.push(entry);
    } else if (bits === undefined) {
      blocks.addAddress(address, family);
    } else {
      blocks.addSubnet(address, bits, family);
    }
  }
  return { blocks, invalid };
}

/**
 * Addresses the per-address limits (SMS sending, the sign-in delay) do not count: the test
 * machine, whose every request comes from one address. Never set in production (the config
 * refuses it there); the per-account rules still apply to them.
 */
export class ExemptAddresses {
  private readonly blocks: BlockList;

  constructor(list = '') {
    this.blocks = parseAddressList(list).blocks;
  }

  has(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.blocks.check(address, family === 6 ? 'ipv6' : 'ipv4');
  }
}
