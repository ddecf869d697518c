import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as cdk from 'aws-cdk-lib';
import { App } from 'aws-cdk-lib';
import { l1App } from './l1-app';
import { libraryApp } from './library-app';
import { organization } from './organization';

/*
 * One measurement, in a process of its own: define the app and synthesize it, and report the time
 * that took, the process's peak resident memory, and what was synthesized.
 * Usage: synth-once.ts <library|l1> <people> [warm]
 */
const [impl, peopleArg] = process.argv.slice(2);

// aws-cdk-lib loads its service modules on first use. Load the ones either app uses before the clock
// starts, so that both are measured on synthesis, not on module loading.
for (const name of [
  'aws_iam', 'aws_kms', 'aws_sns', 'aws_ssm', 'aws_ssmcontacts', 'aws_ssmincidents', 'aws_ram',
  'aws_chatbot', 'aws_cloudwatch', 'aws_events', 'aws_secretsmanager', 'assertions',
] as const) {
  void (cdk as any)[name];
}
const org = organization(Number(peopleArg));
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'im-bench-'));

// With `warm`, both implementations first synthesize a one-person organization, untimed: the modules
// aws-cdk-lib loads on first use (L2 machinery, aspects, annotations) are then loaded for either, so
// the measurement is of synthesis alone, as a long-lived process (a test suite, a watch) sees it.
// Without it, the measurement includes that first use, as a one-off `cdk synth` sees it.
if (process.argv[4] === 'warm') {
  for (const warmUp of [l1App, libraryApp]) {
    const warmDir = fs.mkdtempSync(path.join(os.tmpdir(), 'im-bench-warm-'));
    const warmApp = new App({ outdir: warmDir });
    warmUp(warmApp, organization(1));
    warmApp.synth();
    fs.rmSync(warmDir, { recursive: true, force: true });
  }
}

const started = performance.now();
const app = new App({ outdir });
(impl === 'l1' ? l1App : libraryApp)(app, org);
const assembly = app.synth();
const ms = performance.now() - started;

let resources = 0;
let bytes = 0;
const overQuota: string[] = [];
for (const file of fs.readdirSync(assembly.directory).filter((f) => f.endsWith('.template.json'))) {
  const text = fs.readFileSync(path.join(assembly.directory, file), 'utf-8');
  bytes += Buffer.byteLength(text);
  const all = Object.values<any>(JSON.parse(text).Resources ?? {});
  resources += all.filter((r) => r.Type !== 'AWS::CloudFormation::Stack').length;
  // CloudFormation's quotas: 500 resources a template, 1 MB a template body in S3 (the largest scale
  // case of the tests, 2,000 people, is checked here instead of in the test suite).
  if (all.length > 500 || Buffer.byteLength(text) > 1_000_000) overQuota.push(`${file}: ${all.length} resources, ${Buffer.byteLength(text)} bytes`);
}
if (overQuota.length > 0) {
  process.stderr.write(`over CloudFormation's quotas:\n${overQuota.join('\n')}\n`);
  process.exit(2);
}
fs.rmSync(outdir, { recursive: true, force: true });

process.stdout.write(JSON.stringify({ impl, people: org.people, ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, resources, bytes }) + '\n');
