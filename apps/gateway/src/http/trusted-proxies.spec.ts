import { loadGatewayConfig } from '../gateway-application';
import { trustedProxies } from './trusted-proxies';

describe('TRUSTED_PROXIES, the proxies whose X-Forwarded-For the gateway believes', () => {
  it('is empty unless set: no proxy is trusted', () => {
    expect(trustedProxies(loadGatewayConfig({}).TRUSTED_PROXIES)).toEqual([]);
  });

  it('lists addresses and CIDR networks, IPv4 and IPv6, comma-separated', () => {
    const config = loadGatewayConfig({ TRUSTED_PROXIES: ' 172.30.10.20, 10.0.0.0/8,fd00::/8 ,::1' });
    expect(trustedProxies(config.TRUSTED_PROXIES)).toEqual(['172.30.10.20', '10.0.0.0/8', 'fd00::/8', '::1']);
  });

  it.each(['loopback', 'nginx', '10.0.0.0/33', '300.1.1.1', '10.0.0.1/8/8', 'fd00::/129', '10.0.0.0/x', '*'])('refuses to start with %s in it', (entry) => {
    expect(() => loadGatewayConfig({ TRUSTED_PROXIES: `127.0.0.1,${entry}` })).toThrow(/TRUSTED_PROXIES/);
  });
});
