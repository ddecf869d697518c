/*
 * `npm run bench:adopt`: adopt an account of 2,000 people (e-mail and SMS each) through the real SDK
 * clients, whose requests go in the services' wire protocols to a fake that enforces a token-bucket
 * rate limit and answers ThrottlingException beyond it, as the services do. The SDK's adaptive retry
 * mode does the rest. Prints calls, attempts, throttled requests and the time.
 *
 * AWS publishes no request rate for these APIs; the limit here is a parameter (--rate, --burst).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import * as cdk from 'aws-cdk-lib';
import { adopt } from '../adopt/adopt';
import * as im from '../src';
import { REGION, accountFixture, addPeople } from '../test/adopt/account-fixture';
import { FakeAccount, fakeRequestHandler } from '../test/adopt/fake-account';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const people = arg('people', 2000);
const rate = arg('rate', 200);
const burst = arg('burst', 20);

const fixture = accountFixture();
addPeople(fixture, people, ['email', 'sms'], 5);

const fake = new FakeAccount(fixture, { perSecond: rate, burst });
const requestHandler = fakeRequestHandler(fake);
const config = { region: REGION, credentials: { accessKeyId: 'fake', secretAccessKey: 'fake' }, maxAttempts: 10, retryMode: 'adaptive', requestHandler };

async function main() {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-bench-'));
  const started = process.hrtime.bigint();
  const result = await adopt({
    contacts: new SSMContactsClient(config),
    incidents: new SSMIncidentsClient(config as never),
    region: REGION,
    outDir: out,
    modules: { im, cdk },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const resources = Object.values(result.mappings).reduce((n, m) => n + Object.keys(m).length, 0);
  console.log(
    `${people} people (+ the recorded account): ${result.stats.calls} calls, ${result.stats.attempts} attempts, ` +
      `${fake.throttled} throttled by a ${rate}/s (burst ${burst}) limit; ${seconds.toFixed(1)} s; ` +
      `${result.plan.stacks.length} stacks, ${resources} resources; peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
  fs.rmSync(out, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
