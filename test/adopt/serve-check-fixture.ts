/*
 * Serves the check's recorded account over loopback HTTP in every service's wire protocol, for the
 * packed `check` command (.ci/check-packed). Usage: serve-check-fixture.ts healthy|planted. Prints the
 * port, then answers until killed.
 */
import { CheckFake, handleCheckWire } from './check-fake';
import { healthyAccount, plantedAccount } from './check-fixture';
import { serveWire } from './fake-account';

const which = process.argv[2];
if (which !== 'healthy' && which !== 'planted') {
  process.stderr.write('usage: serve-check-fixture.ts healthy|planted\n');
  process.exit(2);
}
const fake = new CheckFake(which === 'healthy' ? healthyAccount() : plantedAccount().fixture);
serveWire((request) => handleCheckWire(fake, request));
