import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  GetContactCommand,
  ListContactChannelsCommand,
  ListContactsCommand,
  ListRotationsCommand,
  ListTagsForResourceCommand,
  SSMContactsClient,
} from '@aws-sdk/client-ssm-contacts';
import {
  GetReplicationSetCommand,
  GetResponsePlanCommand,
  ListReplicationSetsCommand,
  ListResponsePlansCommand,
  ListTagsForResourceCommand as ListIncidentTagsCommand,
  SSMIncidentsClient,
} from '@aws-sdk/client-ssm-incidents';
import { mockClient } from 'aws-sdk-client-mock';
import { REGION, accountFixture } from './account-fixture';
import { FakeAccount, toSdkShape } from './fake-account';
import { main } from '../../adopt/cli';

// The command loads the library from the package's lib/index.js (../index.js of the bundle in lib/adopt/,
// and of adopt/cli.ts here): the library's source stands in for it.
jest.mock('../../index.js', () => jest.requireActual('../../src'), { virtual: true });

/** Runs the command line, with the SDK clients' calls answered by `answer` (every class's instances). */
async function cli(args: string[], answer?: (service: 'contacts' | 'incidents', command: any, input: any) => any): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((s: any) => (out.push(String(s)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((s: any) => (err.push(String(s)), true));
  // The two clients are built on different SDK core versions, whose middleware types differ.
  const mocks: any[] = answer ? [mockClient(SSMContactsClient as never), mockClient(SSMIncidentsClient as never)] : [];
  mocks.forEach((m, i) => m.onAnyCommand().callsFake((input: any) => answer!(i === 0 ? 'contacts' : 'incidents', m.send.lastCall.args[0], input)));
  const env = { ...process.env };
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake' });
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.env = env;
    mocks.forEach((m) => m.restore());
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

/** The recorded account of adopt.test.ts, answered by the fake. */
function recordedAccount() {
  const fake = new FakeAccount(accountFixture());
  const operations = new Map<any, string>([
    [ListContactsCommand, 'ListContacts'],
    [GetContactCommand, 'GetContact'],
    [ListContactChannelsCommand, 'ListContactChannels'],
    [ListRotationsCommand, 'ListRotations'],
    [ListTagsForResourceCommand, 'ListTagsForResource'],
    [ListReplicationSetsCommand, 'ListReplicationSets'],
    [GetReplicationSetCommand, 'GetReplicationSet'],
    [ListResponsePlansCommand, 'ListResponsePlans'],
    [GetResponsePlanCommand, 'GetResponsePlan'],
    [ListIncidentTagsCommand, 'ListTagsForResource'],
  ]);
  return (service: 'contacts' | 'incidents', command: any, input: any) => toSdkShape(fake.handle(service, operations.get(command.constructor)!, input));
}

/** A directory for adopt to write to, inside the project so that the module resolves aws-cdk-lib. */
function outDir(): string {
  fs.mkdirSync(path.join(__dirname, '.out'), { recursive: true });
  return fs.mkdtempSync(path.join(__dirname, '.out', 'cli-'));
}

describe('help and version', () => {
  test('THEN each command prints its own usage and options, and exits 0', async () => {
    const adopt = await cli(['adopt', '--help']);
    expect(adopt.code).toBe(0);
    for (const option of ['--region', '--profile', '--out', '--force', '--concurrency', '--max-resources-per-stack', '--stack-prefix', '--preview-shifts']) {
      expect(adopt.out).toMatch(new RegExp(`^ {2}${option} `, 'm'));
    }
    expect(adopt.out).not.toContain('--weeks');

    const check = await cli(['check', '--help']);
    expect(check.code).toBe(0);
    for (const option of ['--region', '--profile', '--weeks', '--start', '--app', '--json', '--concurrency']) {
      expect(check.out).toMatch(new RegExp(`^ {2}${option} `, 'm'));
    }
    expect(check.out).not.toContain('--out');
    expect(check.out).not.toContain('default 4 weeks from now');

    const policy = await cli(['policy', '--help']);
    expect(policy.code).toBe(0);
    for (const option of ['--account', '--region', '--for']) expect(policy.out).toMatch(new RegExp(`^ {2}${option} `, 'm'));
    expect(policy.out).not.toContain('--profile');

    // --help after other options, and `help <command>`, print the same.
    expect(await cli(['check', '--region', REGION, '--help'])).toEqual({ code: 0, out: check.out, err: '' });
    expect(await cli(['help', 'adopt'])).toEqual({ code: 0, out: adopt.out, err: '' });
  });

  test('THEN --help and help list the commands, one line each', async () => {
    const top = await cli(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['adopt', 'check', 'policy', 'help']) expect(top.out.match(new RegExp(`^ {2}${command} {2,}\\S.*$`, 'gm'))).toHaveLength(1);
    expect(await cli(['help'])).toEqual(top);
    expect((await cli(['frobnicate'])).err).toContain('Unknown command "frobnicate"');
  });

  test('THEN --version prints the version of the package.json of the package', async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    expect(await cli(['--version'])).toEqual({ code: 0, out: `${version}\n`, err: '' });
  });
});

describe('adopt into a directory that is not empty', () => {
  test('GIVEN a module written before and edited THEN adopt refuses, naming the directory and --force, and reads nothing', async () => {
    const out = outDir();
    fs.writeFileSync(path.join(out, 'incident-manager.ts'), '// edited by hand\n');
    let calls = 0;
    const { code, err } = await cli(['adopt', '--region', REGION, '--out', out], () => {
      calls++;
      throw new Error('no call expected');
    });
    expect(code).toBe(1);
    expect(err).toContain(`--out ${out} is not empty`);
    expect(err).toContain('--force');
    expect(calls).toBe(0);
    expect(fs.readFileSync(path.join(out, 'incident-manager.ts'), 'utf8')).toBe('// edited by hand\n');
  });

  test('GIVEN --force THEN adopt writes over it; an empty or new directory needs no --force', async () => {
    const out = outDir();
    fs.writeFileSync(path.join(out, 'incident-manager.ts'), '// edited by hand\n');
    const forced = await cli(['adopt', '--region', REGION, '--out', out, '--force'], recordedAccount());
    expect(forced).toEqual(expect.objectContaining({ code: 0 }));
    expect(fs.readFileSync(path.join(out, 'incident-manager.ts'), 'utf8')).toMatch(/^\/\/ Written by `cdk-incident-manager adopt`/);
    expect(fs.readFileSync(path.join(out, 'REPORT.md'), 'utf8')).toContain('# Adopted Incident Manager set-up');

    const empty = outDir();
    expect(await cli(['adopt', '--region', REGION, '--out', empty], recordedAccount())).toEqual(expect.objectContaining({ code: 0 }));
    const fresh = path.join(outDir(), 'new');
    expect(await cli(['adopt', '--region', REGION, '--out', fresh], recordedAccount())).toEqual(expect.objectContaining({ code: 0 }));
    expect(fs.existsSync(path.join(fresh, 'REPORT.md'))).toBe(true);
  }, 120_000);
});

describe('credential and network errors say what to do', () => {
  // The SDK's error when no provider of its credential chain finds credentials (@smithy/property-provider).
  const noCredentials = () => {
    throw Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError', tryNextLink: false });
  };
  // Node.js's DNS error, as the SDK's HTTP handler passes it on.
  const host = `ssm-contacts.${REGION}.amazonaws.com`;
  const unreachable = () => {
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: host });
  };

  test('GIVEN no credentials for the profile THEN adopt names the profile and the commands that give it credentials', async () => {
    const { code, err } = await cli(['adopt', '--region', REGION, '--profile', 'ops', '--out', path.join(outDir(), 'x')], noCredentials);
    expect(code).toBe(1);
    expect(err).toContain('adopt failed: no credentials for profile ops: run `aws sso login --profile ops` or `aws configure --profile ops`');
  });

  test('GIVEN no credentials and no profile THEN adopt says how to give some', async () => {
    const { code, err } = await cli(['adopt', '--region', REGION, '--out', path.join(outDir(), 'x')], noCredentials);
    expect(code).toBe(1);
    expect(err).toContain('adopt failed: no AWS credentials: give --profile <profile>');
  });

  test('GIVEN the endpoint cannot be reached THEN adopt names the host and what to check', async () => {
    const { code, err } = await cli(['adopt', '--region', REGION, '--out', path.join(outDir(), 'x')], unreachable);
    expect(code).toBe(1);
    expect(err).toContain(`adopt failed: cannot reach ${host}: check the Region (--region ${REGION}), your network or proxy`);
  });

  test('GIVEN no credentials THEN check stops at the first error, names the profile, and reads nothing again', async () => {
    let calls = 0;
    const { code, err } = await cli(['check', '--region', REGION, '--profile', 'ops'], () => {
      calls++;
      noCredentials();
    });
    expect(code).toBe(2);
    expect(err).toContain('check failed: no credentials for profile ops: run `aws sso login --profile ops` or `aws configure --profile ops`');
    expect(err).not.toContain('reading again');
    // The contacts and the replication set are read side by side: at most one call of each client.
    expect(calls).toBeLessThanOrEqual(2);
  });

  test('GIVEN the endpoint cannot be reached THEN check names the host and stops', async () => {
    const { code, err } = await cli(['check', '--region', REGION], unreachable);
    expect(code).toBe(2);
    expect(err).toContain(`check failed: cannot reach ${host}: check the Region (--region ${REGION}), your network or proxy`);
    expect(err).not.toContain('reading again');
  });

  test('GIVEN any other error THEN adopt passes it on as it is', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    await expect(
      cli(['adopt', '--region', REGION, '--out', path.join(tmp, 'x')], () => {
        throw new Error('something else');
      }),
    ).rejects.toThrow('something else');
  });
});

describe('the report\'s next steps', () => {
  test('GIVEN --profile THEN the replication set is imported first, cdk diff is --exclusively, and every command passes the profile', async () => {
    const out = path.join(outDir(), 'x');
    expect(await cli(['adopt', '--region', REGION, '--profile', 'ops', '--out', out], recordedAccount())).toEqual(expect.objectContaining({ code: 0 }));
    const report = fs.readFileSync(path.join(out, 'REPORT.md'), 'utf8');
    const steps = report.split('## Next steps\n')[1];
    const commands = steps.split('\n').filter((l) => l.startsWith('npx '));
    expect(commands).toEqual([
      'npx cdk import IncidentManagerReplicationSet --resource-mapping import/IncidentManagerReplicationSet.json --profile ops',
      'npx cdk diff --exclusively IncidentManagerReplicationSet --profile ops    # shows no differences',
      'npx cdk import <stack> --resource-mapping import/<stack>.json --profile ops',
      'npx cdk diff --exclusively <stack> --profile ops    # shows no differences',
    ]);
  }, 120_000);

  test('GIVEN no --profile THEN the commands name none', async () => {
    const out = path.join(outDir(), 'x');
    expect(await cli(['adopt', '--region', REGION, '--out', out], recordedAccount())).toEqual(expect.objectContaining({ code: 0 }));
    const steps = fs.readFileSync(path.join(out, 'REPORT.md'), 'utf8').split('## Next steps\n')[1];
    expect(steps).toContain('npx cdk diff --exclusively <stack>    # shows no differences');
    expect(steps).not.toContain('--profile');
  }, 120_000);
});
