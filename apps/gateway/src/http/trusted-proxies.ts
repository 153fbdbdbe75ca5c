import { isIP } from 'node:net';
import { ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';

/**
 * TRUSTED_PROXIES: the addresses and networks (CIDR) of the proxies in front of the gateway,
 * comma-separated. X-Forwarded-For is believed only as far as it was written by these; the
 * client's address is the nearest one they did not write. Empty: no proxy, the socket's peer
 * is the client.
 */
export function trustedProxies(setting: string): string[] {
  return setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

function isAddressOrNetwork(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

@ValidatorConstraint({ name: 'trustedProxies' })
export class TrustedProxyList implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && trustedProxies(value).every(isAddressOrNetwork);
  }

  defaultMessage(): string {
    return 'TRUSTED_PROXIES must list IP addresses or networks (CIDR), comma-separated, such as 10.0.0.0/8,192.168.1.10';
  }
}
