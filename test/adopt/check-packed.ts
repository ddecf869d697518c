/*
 * Checks what the packed `adopt` wrote and what its module synthesized (.ci/adopt-packed): the
 * templates pass the template checks, and match the recorded account property by property.
 * Usage: check-packed.ts <cdk.out> <adopt output dir>
 */
import * as fs from 'fs';
import * as path from 'path';
import { accountFixture } from './account-fixture';
import { driftProblems } from './drift';
import { templateProblems } from '../support/template-check';

const [outdir, adopted] = process.argv.slice(2);
const fixture = accountFixture();
const manifest = JSON.parse(fs.readFileSync(path.join(outdir, 'manifest.json'), 'utf8'));
const templates: { [stack: string]: any } = {};
for (const [name, artifact] of Object.entries<any>(manifest.artifacts)) {
  if (artifact.type === 'aws:cloudformation:stack') {
    templates[name] = JSON.parse(fs.readFileSync(path.join(outdir, artifact.properties.templateFile), 'utf8'));
  }
}
const mappings = Object.fromEntries(
  fs.readdirSync(path.join(adopted, 'import')).map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(adopted, 'import', f), 'utf8'))]),
);
const report = fs.readFileSync(path.join(adopted, 'REPORT.md'), 'utf8');
// The report's findings, by section: "- `arn`: reason" lines.
const section = (title: string) => {
  const text = report.split(`## ${title}`)[1]?.split('\n## ')[0] ?? '';
  return new Set([...text.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]));
};
const leftOut = section('Left out');
for (const [contactArn, channels] of Object.entries(fixture.contacts.channels)) {
  if (leftOut.has(contactArn)) channels.forEach((c) => leftOut.add(c.ContactChannelArn));
}
const problems = [
  ...Object.entries(templates).flatMap(([name, t]) => templateProblems(t).map((p) => `${name}: ${p}`)),
  ...driftProblems(templates, mappings, fixture, leftOut, section('Adopted, but')),
];
const resources = Object.values(mappings).reduce((n, m: any) => n + Object.keys(m).length, 0);
if (Object.keys(templates).length === 0 || problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n${Object.keys(templates).length} templates\n`);
  process.exit(1);
}
process.stdout.write(`${Object.keys(templates).length} stacks, ${resources} resources: the templates match the recorded account\n`);
