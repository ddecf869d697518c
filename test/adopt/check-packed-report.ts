/*
 * Checks the report of the packed `check` command (.ci/check-packed): on the healthy account, no
 * finding; on the planted one, each planted problem once with its severity, and nothing else.
 * Usage: check-packed-report.ts <report.json> healthy|planted
 */
import * as fs from 'fs';
import { plantedAccount } from './check-fixture';

const [file, which] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(file, 'utf8'));
const found = report.findings.map((f: any) => [f.severity, f.code, f.resource].join(' ')).sort();
const expected = which === 'healthy' ? [] : plantedAccount().expected.map((e) => e.join(' ')).sort();
const count = (list: string[], e: string) => list.filter((x) => x === e).length;
const missing = expected.filter((e: string) => count(found, e) < count(expected, e));
const extra = found.filter((e: string) => count(found, e) > count(expected, e));
if (missing.length > 0 || extra.length > 0) {
  process.stderr.write(`${which}: missing ${JSON.stringify([...new Set(missing)], undefined, 2)}\nunexpected ${JSON.stringify([...new Set(extra)], undefined, 2)}\n`);
  process.exit(1);
}
process.stdout.write(`${which}: ${found.length} findings, as planted (${report.errors} errors, ${report.warnings} warnings, ${report.stats.calls} calls)\n`);
