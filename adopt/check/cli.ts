/*
 * `npx cdk-incident-manager check --region <r> [--profile p] [--weeks n] [--json]`: the command-line
 * side of the check. Progress goes to stderr, the report to stdout; the exit code is 0 when nothing
 * would fail a page or a runbook, 1 when something would, 2 when the check could not run.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SSMClient } from '@aws-sdk/client-ssm';
import { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { AppStack, readApp } from './app';
import { CheckClients, Sender, runCheck } from './check';
import { renderJson, renderText } from './report';
import { explainAwsError } from '../aws-errors';
import { parseCommandLine } from '../flags';
import { Modules } from '../ir';

export const CHECK_USAGE = `Usage: cdk-incident-manager check --region <region> [--profile <profile>] [--weeks <n>] [--start <date>]
                                  [--app <cdk.out directory or app command>] [--json] [--concurrency <n>]

Reads an account with read-only calls and reports what would fail a page or a runbook: contacts that
cannot be reached, schedules with nobody on call in AWS's shifts of the checked weeks, runbooks, roles,
topics, keys and secrets that would refuse Incident Manager, and resources no CloudFormation stack
manages; with --app, the app's Incident Manager resources that differ from the account, property by
property. \`cdk-incident-manager policy --account <account> --region <region> --for check\` prints the
read-only IAM policy it needs. Exit code 0: no errors; 1: errors; 2: the check failed.

  --region        the Region of the contacts and response plans (required)
  --profile       a profile of your AWS configuration (default: the SDK's credential chain)
  --weeks         how many weeks of shifts to check, from --start (default 4, at most 52)
  --start         when the checked weeks begin, an ISO 8601 date and time such as 2027-01-04T00:00:00Z
                  (default: now)
  --app           a cloud assembly directory (cdk.out, after cdk synth) or an app command, whose
                  Incident Manager resources are compared with the account (stacks of other Regions
                  are listed under "Not checked")
  --json          print the report as JSON instead of text
  --concurrency   API calls under way at once (default 4, at most 64)
`;

export async function checkMain(args: string[], loadModules: () => Modules | undefined): Promise<number> {
  const line = parseCommandLine(args, {
    options: ['--region', '--profile', '--weeks', '--start', '--app', '--concurrency'],
    switches: ['--json'],
    usage: CHECK_USAGE,
    exitCode: 2,
  });
  if (typeof line === 'number') return line;
  const { flags, region } = line;
  const whole = (name: string, fallback: number, max: number) => {
    const v = flags[name] === undefined ? fallback : Number(flags[name]);
    return Number.isInteger(v) && v >= 1 && v <= max ? v : undefined;
  };
  // ListRotationShifts and ListPreviewRotationShifts answer at most 1,024 shifts a page; 52 weeks is
  // the library's limit for coverage questions too.
  const weeks = whole('weeks', 4, 52);
  const concurrency = whole('concurrency', 4, 64);
  if (weeks === undefined || concurrency === undefined) {
    process.stderr.write(`${weeks === undefined ? `--weeks ${flags.weeks}: give a whole number from 1 to 52` : `--concurrency ${flags.concurrency}: give a whole number from 1 to 64`}.\n`);
    return 2;
  }
  const now = flags.start === undefined ? new Date() : new Date(flags.start);
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--start ${flags.start}: give a date and time such as 2027-01-04T00:00:00Z.\n`);
    return 2;
  }
  const config = (r: string) => ({ region: r, maxAttempts: 10, retryMode: 'adaptive', ...(flags.profile ? { profile: flags.profile } : {}) });
  const perRegion = <T extends Sender>(make: (r: string) => T) => {
    const made = new Map<string, T>();
    return (r: string) => made.get(r) ?? made.set(r, make(r)).get(r)!;
  };
  const clients: CheckClients = {
    contacts: new SSMContactsClient(config(region)),
    incidents: new SSMIncidentsClient(config(region)),
    ssm: new SSMClient(config(region)),
    // IAM is global: its endpoint is chosen by the SDK from the Region.
    iam: new IAMClient(config(region)),
    cloudformation: new CloudFormationClient(config(region)),
    sns: perRegion((r) => new SNSClient(config(r))),
    kms: perRegion((r) => new KMSClient(config(r))),
    secretsManager: perRegion((r) => new SecretsManagerClient(config(r))),
  };
  const progress = (message: string) => process.stderr.write(`check: ${message}\n`);
  try {
    let app: AppStack[] | undefined;
    if (flags.app !== undefined) {
      app = readApp(flags.app);
      progress(`app: ${app.length} stacks read from ${flags.app}`);
    }
    const report = await runCheck({ clients, region, weeks, now, concurrency, progress, modules: loadModules(), app });
    process.stdout.write(flags.json ? renderJson(report) : renderText(report));
    return report.findings.some((f) => f.severity === 'error') ? 1 : 0;
  } catch (e) {
    process.stderr.write(`check failed: ${explainAwsError(e, flags.profile, region) ?? (e as Error).message}\n`);
    return 2;
  }
}
