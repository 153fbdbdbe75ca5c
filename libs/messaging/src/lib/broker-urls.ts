/**
 * Expands a broker URL that lists several hosts, as a MongoDB replica-set URL does
 * (`amqp://user:pass@mq-0:5672,mq-1:5672,mq-2:5672/vhost?heartbeat=5`), into one URL per
 * node of the cluster. The connection tries them in turn, so losing a node moves the
 * service to the next one instead of waiting for that node to come back.
 */
export function brokerUrls(url: string): string[] {
  const match = /^(amqps?:\/\/)(?:([^@/]*)@)?([^/?#]+)(.*)$/.exec(url.trim());
  if (!match) throw new Error('AMQP_URL must be an amqp:// or amqps:// URL');
  const [, scheme, credentials, hosts, rest] = match;
  const nodes = hosts.split(',').map((host) => host.trim());
  if (nodes.some((host) => host === '')) throw new Error('AMQP_URL lists an empty host');
  return nodes.map((host) => `${scheme}${credentials === undefined ? '' : `${credentials}@`}${host}${rest}`);
}
