/*
 * `npx cdk-incident-manager adopt --region <r> [--profile p] [--out dir]`.
 * Bundled with the AWS SDK clients into lib/adopt/cli.js; loads the library (lib/index.js) and
 * aws-cdk-lib from the app it runs in.
 */
import * as fs from 'fs';
import * as path from 'path';
import { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { adopt } from './adopt';
import { explainAwsError } from './aws-errors';
import { CHECK_USAGE, checkMain } from './check/cli';
import { checkPolicy } from './check/policy';
import { parseCommandLine } from './flags';
import { readPolicy } from './read';

const ADOPT_USAGE = `Usage: cdk-incident-manager adopt --region <region> [--profile <profile>] [--out <dir>] [--force]
                                  [--concurrency <n>] [--max-resources-per-stack <n>] [--stack-prefix <prefix>]
                                  [--preview-shifts <weeks>]

Reads the Incident Manager set-up of one account and Region with read-only calls and writes
  <dir>/incident-manager.ts   the stacks that reproduce it, with this library's constructs
  <dir>/app.ts                an app entry point for cdk import and cdk diff
  <dir>/cdk.json              runs app.ts: compiled by your project's TypeScript (tsc), run by Node.js
  <dir>/tsconfig.json         the compiler options it is compiled with (TypeScript 5.x or 7)
  <dir>/import/<stack>.json   a cdk import --resource-mapping file for each stack
  <dir>/REPORT.md             what could not be adopted unchanged, and the next steps
It writes nothing to the account.

  --region                    the Region of the contacts and response plans (required)
  --profile                   a profile of your AWS configuration (default: the SDK's credential chain)
  --out                       the directory to write to (default: ./incident-manager-adopted); it must be
                              empty or not exist yet
  --force                     write into a --out directory that is not empty, replacing the files adopt
                              writes (a module you edited there is overwritten)
  --concurrency               API calls under way at once (default 4; the SDK retries throttled calls)
  --max-resources-per-stack   resources in one stack, and so in one import (default 200, at most 500)
  --stack-prefix              the stacks' name prefix (default IncidentManager)
  --preview-shifts            weeks of each rotation's shifts to ask AWS for (ListPreviewRotationShifts) and
                              compare with the library's computation in the report (default 0: none)
`;

const POLICY_USAGE = `Usage: cdk-incident-manager policy --account <account> --region <region> [--for adopt|check]

Prints the read-only IAM policy \`adopt\` (or, with --for check, \`check\`) needs in that account and Region.

  --account   the 12-digit account ID (required)
  --region    the Region of the contacts and response plans (required)
  --for       adopt or check (default adopt)
`;

const USAGE = `Usage: cdk-incident-manager <command> [options]

Commands:
  adopt     reads an account's Incident Manager set-up and writes stacks of this library that reproduce it
  check     reports what in an account would fail a page or a runbook
  policy    prints the read-only IAM policy adopt or check needs
  help      prints this, or with a command's name, that command's usage

\`cdk-incident-manager <command> --help\` prints a command's usage and options; --version prints the version.
`;

const USAGES: { [command: string]: string } = { adopt: ADOPT_USAGE, check: CHECK_USAGE, policy: POLICY_USAGE };

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v' || command === 'version') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (command === 'help' || command === '--help' || command === '-h' || command === undefined) {
    process.stdout.write(USAGES[rest[0]] ?? USAGE);
    return command === undefined ? 1 : 0;
  }
  if (!USAGES[command]) {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(USAGES[command]);
    return 0;
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
  const line = parseCommandLine(rest, {
    options:
      command === 'policy'
        ? ['--region', '--account', '--for']
        : ['--region', '--profile', '--out', '--concurrency', '--max-resources-per-stack', '--stack-prefix', '--preview-shifts'],
    switches: command === 'adopt' ? ['--force'] : [],
    usage: USAGES[command],
    exitCode: 1,
  });
  if (typeof line === 'number') return line;
  const { flags, region } = line;
  if (command === 'policy') return policy(flags, region);
  try {
    return await adoptCommand(flags, region);
  } catch (e) {
    const explained = explainAwsError(e, flags.profile, region);
    if (explained === undefined) throw e;
    process.stderr.write(`adopt failed: ${explained}\n`);
    return 1;
  }
}

/** The version in the package.json of the package this command is part of (lib/adopt/cli.js, or adopt/cli.ts). */
function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (pkg.name === 'cdk-incident-manager') return pkg.version;
  }
  return 'unknown';
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
  const outDir = path.resolve(flags.out ?? 'incident-manager-adopted');
  // A second run would overwrite the module the user has edited since the first.
  if (!flags.force && fs.existsSync(outDir) && (!fs.statSync(outDir).isDirectory() || fs.readdirSync(outDir).length > 0)) {
    process.stderr.write(
      `--out ${outDir} is not empty: adopt would overwrite the module and files written there before, and any change you made to them. ` +
        'Give an empty or new directory, or --force to overwrite.\n',
    );
    return 1;
  }
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
    outDir,
    modules,
    concurrency: positive('concurrency', 4),
    maxResourcesPerStack: positive('max-resources-per-stack', 200),
    stackPrefix: flags['stack-prefix'],
    previewWeeks: flags['preview-shifts'] === undefined ? 0 : positive('preview-shifts', 0),
    profile: flags.profile,
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
