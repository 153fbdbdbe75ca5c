// Serves a built Angular app with SPA fallback and forwards /api to the gateway, as the
// nginx of the operators' images does, with the same security headers.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/**
 * The security headers of docker/nginx/security-headers.conf, the one definition that the
 * images' nginx includes: each line `add_header Name "value" always;`.
 */
export function securityHeaders(file = new URL('../../docker/nginx/security-headers.conf', import.meta.url)) {
  const headers = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const directive = line.trim();
    if (directive === '' || directive.startsWith('#')) continue;
    const match = /^add_header\s+([A-Za-z-]+)\s+"([^"]*)"\s+always;$/.exec(directive);
    if (!match) throw new Error(`${file}: not an add_header line the static server understands: ${directive}`);
    headers[match[1].toLowerCase()] = match[2];
  }
  return headers;
}

export function serveApp({ root, port, host = '127.0.0.1', apiTarget }) {
  const api = new URL(apiTarget);
  const security = securityHeaders();
  const server = createServer((req, res) => {
    if (req.url.startsWith('/api/')) return proxy(req, res, api);
    const path = normalize(decodeURIComponent(req.url.split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    const immutable = /-[A-Z0-9]{8}\.(js|css)$/.test(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...security,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

function proxy(req, res, api) {
  const upstream = request(
    { host: api.hostname, port: api.port, path: req.url, method: req.method, headers: { ...req.headers, host: api.host } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后再试' }));
  });
  req.pipe(upstream);
}
