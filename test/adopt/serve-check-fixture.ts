/*
 * Serves the check's recorded account over loopback HTTP in every service's wire protocol, for the
 * packed `check` command (.ci/check-packed). Usage: serve-check-fixture.ts healthy|planted. Prints the
 * port, then answers until killed.
 */
import * as http from 'http';
import { CheckFake, handleCheckWire } from './check-fake';
import { healthyAccount, plantedAccount } from './check-fixture';

const which = process.argv[2];
if (which !== 'healthy' && which !== 'planted') {
  process.stderr.write('usage: serve-check-fixture.ts healthy|planted\n');
  process.exit(2);
}
const fake = new CheckFake(which === 'healthy' ? healthyAccount() : plantedAccount().fixture);
const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    try {
      const response = handleCheckWire(fake, {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams.entries()),
        headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      res.writeHead(response.statusCode, response.headers);
      res.end(response.body);
    } catch (e) {
      // A call the fake does not know: the packed command made a call it must not make.
      process.stderr.write(`${(e as Error).message}\n`);
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: (e as Error).message }));
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
});
