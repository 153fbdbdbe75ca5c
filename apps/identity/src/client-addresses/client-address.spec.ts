import { ExemptAddresses, normaliseAddress, parseAddressList, UNKNOWN_ADDRESS } from './client-address';

describe('client addresses as the limits count them', () => {
  it('counts an IPv4 client reached over IPv6 as the IPv4 address, and anything else as one unknown caller', () => {
    expect(normaliseAddress('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(normaliseAddress(' 2001:DB8::1 ')).toBe('2001:db8::1');
    expect(normaliseAddress('198.51.100.1')).toBe('198.51.100.1');
    expect(normaliseAddress('not-an-address')).toBe(UNKNOWN_ADDRESS);
    expect(normaliseAddress(undefined)).toBe(UNKNOWN_ADDRESS);
    expect(normaliseAddress({ $ne: null })).toBe(UNKNOWN_ADDRESS);
  });

  it('exempts the listed addresses and ranges only', () => {
    const exempt = new ExemptAddresses('127.0.0.1, ::1, 10.8.0.0/16');
    expect(exempt.has('127.0.0.1')).toBe(true);
    expect(exempt.has('::1')).toBe(true);
    expect(exempt.has('10.8.200.3')).toBe(true);
    expect(exempt.has('10.9.0.1')).toBe(false);
    expect(exempt.has('198.51.100.1')).toBe(false);
    expect(exempt.has(UNKNOWN_ADDRESS)).toBe(false);
    expect(new ExemptAddresses('').has('127.0.0.1')).toBe(false);
  });

  it('names the entries of a list it cannot read', () => {
    expect(parseAddressList('127.0.0.1,localhost,10.0.0.0/33,::1/64').invalid).toEqual(['localhost', '10.0.0.0/33']);
  });
});
