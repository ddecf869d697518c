/*
 * Serves the recorded account over loopback HTTP in both services' wire protocols, for the packed
 * `adopt` command (.ci/adopt-packed). Prints the port, then answers until killed.
 */
import { accountFixture } from './account-fixture';
import { FakeAccount, handleWire, serveWire } from './fake-account';

const fake = new FakeAccount(accountFixture());
serveWire((request) => handleWire(fake, request));
