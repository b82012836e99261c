// A static server that compresses what it sends, as GitHub Pages does, for
// Lighthouse: its simulated slow network counts the bytes transferred, so
// measuring through an uncompressed server would time a download almost
// three times the size a visitor gets. Serves `root` under /comeback/.
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
};
const COMPRESSED = new Set(['.html', '.js', '.css', '.wasm', '.svg', '.webmanifest', '.json']);

export async function serveGzip(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const relative = pathname.replace(/^\/comeback\//, '').replace(/(^|\/)$/, '$1index.html');
    const file = path.join(root, relative);
    if (!pathname.startsWith('/comeback/') || !file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end('not found');
      return;
    }
    const extension = path.extname(file);
    const body = fs.readFileSync(file);
    const headers: Record<string, string> = { 'content-type': TYPES[extension] ?? 'application/octet-stream', 'cache-control': 'max-age=600' };
    if (COMPRESSED.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
      response.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' }).end(zlib.gzipSync(body, { level: 9 }));
    } else {
      response.writeHead(200, headers).end(body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/comeback/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
