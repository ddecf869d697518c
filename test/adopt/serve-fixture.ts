/*
 * Serves the recorded account over loopback HTTP in both services' wire protocols, for the packed
 * `adopt` command (.ci/adopt-packed). Prints the port, then answers until killed.
 */
import * as http from 'http';
import { accountFixture } from './account-fixture';
import { FakeAccount, handleWire } from './fake-account';

const fake = new FakeAccount(accountFixture());
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    const response = handleWire(fake, {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams.entries()),
      headers,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(response.statusCode, response.headers);
    res.end(response.body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
