// Container health probe for the NestJS services (no curl in node slim images).
//   node healthcheck.mjs [URL]
// Without URL: http://127.0.0.1:$HTTP_PORT + the service's readiness path
// (/api/v1/health/ready for the gateway, /health/ready for the others).
// Exit 0 on a 2xx answer within 4 s, 1 otherwise.
const service = process.env.SERVICE_NAME ?? '';
const defaultPort = { gateway: 3000, identity: 3101, planning: 3102, applications: 3103, notifications: 3104 }[service] ?? 3000;
const port = process.env.HTTP_PORT || defaultPort;
const path = process.env.HEALTH_PATH || (service === 'gateway' ? '/api/v1/health/ready' : '/health/ready');
const url = process.argv[2] || `http://127.0.0.1:${port}${path}`;

try {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000) });
  if (!response.ok) {
    console.error(`${url} answered ${response.status}`);
    process.exit(1);
  }
  process.exit(0);
} catch (error) {
  console.error(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
