/*
 * `npx cdk-incident-manager adopt --region <r> [--profile p] [--out dir]`.
 * Bundled with the AWS SDK clients into lib/adopt/cli.js; loads the library (lib/index.js) and
 * aws-cdk-lib from the app it runs in.
 */
import * as path from 'path';
import { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { adopt } from './adopt';
import { CHECK_USAGE, checkMain } from './check/cli';
import { checkPolicy } from './check/policy';
import { readPolicy } from './read';

const USAGE = `Usage: cdk-incident-manager adopt --region <region> [--profile <profile>] [--out <dir>]
                                  [--concurrency <n>] [--max-resources-per-stack <n>] [--stack-prefix <prefix>]
                                  [--preview-shifts <weeks>]
       cdk-incident-manager policy --account <account> --region <region>
${CHECK_USAGE}
Reads the Incident Manager set-up of one account and Region with read-only calls and writes
  <dir>/incident-manager.ts   the stacks that reproduce it, with this library's constructs
  <dir>/app.ts                an app entry point for cdk import and cdk diff
  <dir>/cdk.json              runs app.ts: compiled by your project's TypeScript (tsc), run by Node.js
  <dir>/tsconfig.json         the compiler options it is compiled with (TypeScript 5.x or 7)
  <dir>/import/<stack>.json   a cdk import --resource-mapping file for each stack
  <dir>/REPORT.md             what could not be adopted unchanged, and the next steps
It writes nothing to the account. \`policy\` prints the read-only IAM policy it needs.

  --region                    the Region of the contacts and response plans (required)
  --profile                   a profile of your AWS configuration (default: the SDK's credential chain)
  --out                       the directory to write to (default: ./incident-manager-adopted)
  --concurrency               API calls under way at once (default 4; the SDK retries throttled calls)
  --max-resources-per-stack   resources in one stack, and so in one import (default 200, at most 500)
  --stack-prefix              the stacks' name prefix (default IncidentManager)
  --preview-shifts            weeks of each rotation's shifts to ask AWS for (ListPreviewRotationShifts) and
                              compare with the library's computation in the report (default 0: none)
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === undefined) {
    process.stdout.write(USAGE);
    return command === undefined ? 1 : 0;
  }
  if (command === 'check') {
    return checkMain(rest, () => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return { im: require(LIBRARY), cdk: require('aws-cdk-lib') };
      } catch {
        return undefined; // without aws-cdk-lib, no comparison with the library's shifts
      }
    });
  }
  if (command !== 'adopt' && command !== 'policy') {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
    return 1;
  }
  const flags = parseFlags(command, rest);
  if (typeof flags === 'number') return flags;
  const region = flags.region;
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region)) {
    process.stderr.write(`--region ${region ?? '(missing)'}: give a Region name such as us-east-1.\n${USAGE}`);
    return 1;
  }
  return command === 'policy' ? policy(flags, region) : adoptCommand(flags, region);
}

/** The options of `adopt` or `policy` by name, or the exit code of a command line that is wrong. */
function parseFlags(command: 'adopt' | 'policy', rest: string[]): { [name: string]: string } | number {
  const flags: { [name: string]: string } = {};
  const known =
    command === 'policy'
      ? ['--region', '--account', '--for']
      : ['--region', '--profile', '--out', '--concurrency', '--max-resources-per-stack', '--stack-prefix', '--preview-shifts'];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [name, inline] = arg.split('=', 2);
    if (!known.includes(name)) {
      process.stderr.write(`Unknown option "${arg}".\n${USAGE}`);
      return 1;
    }
    const value = inline ?? rest[++i];
    if (value === undefined) {
      process.stderr.write(`${name} needs a value.\n`);
      return 1;
    }
    flags[name.slice(2)] = value;
  }
  return flags;
}

/** `policy`: prints the read-only policy of `adopt` or `check`. */
function policy(flags: { [name: string]: string }, region: string): number {
  if (!flags.account || !/^\d{12}$/.test(flags.account)) {
    process.stderr.write(`--account ${flags.account ?? '(missing)'}: give a 12-digit account ID.\n`);
    return 1;
  }
  if (flags.for !== undefined && flags.for !== 'adopt' && flags.for !== 'check') {
    process.stderr.write(`--for ${flags.for}: give adopt or check.\n`);
    return 1;
  }
  const document = flags.for === 'check' ? checkPolicy(flags.account, region) : readPolicy(flags.account, region);
  process.stdout.write(`${JSON.stringify(document, undefined, 2)}\n`);
  return 0;
}

/** `adopt`: reads the account and writes the module, the mappings and the report. */
async function adoptCommand(flags: { [name: string]: string }, region: string): Promise<number> {
  const positive = (name: string, fallback: number) => {
    const v = flags[name] === undefined ? fallback : Number(flags[name]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} ${flags[name]}: give a whole number of 1 or more`);
    return v;
  };
  const progress = (message: string) => process.stderr.write(`adopt: ${message}\n`);
  // The SDK's adaptive retry mode slows down on throttling errors and retries them.
  const clientConfig = {
    region,
    maxAttempts: 10,
    retryMode: 'adaptive',
    ...(flags.profile ? { profile: flags.profile } : {}),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const modules = { im: require(LIBRARY), cdk: require('aws-cdk-lib') };
  const result = await adopt({
    contacts: new SSMContactsClient(clientConfig),
    incidents: new SSMIncidentsClient(clientConfig),
    region,
    outDir: path.resolve(flags.out ?? 'incident-manager-adopted'),
    modules,
    concurrency: positive('concurrency', 4),
    maxResourcesPerStack: positive('max-resources-per-stack', 200),
    stackPrefix: flags['stack-prefix'],
    previewWeeks: flags['preview-shifts'] === undefined ? 0 : positive('preview-shifts', 0),
    progress,
  });
  const leftOut = result.plan.findings.filter((f) => f.kind === 'left out').length;
  const differs = result.plan.findings.filter((f) => f.kind === 'differs').length;
  progress(`done: ${result.plan.stacks.length} stacks; ${leftOut} resources left out, ${differs} that differ (see REPORT.md)`);
  return 0;
}

/** The library, relative to the bundle in lib/adopt/ (the bundler keeps this require as it is). */
const LIBRARY = '../index.js';

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`adopt failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
