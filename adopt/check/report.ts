/*
 * The check's report: text for people, JSON for programs (--json). Errors first.
 */
import { CheckReport } from './check';

export function renderText(report: CheckReport): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const warnings = report.findings.length - errors;
  const head = `Incident Manager check of account ${report.account}, Region ${report.region}, at ${report.at} (shifts: next ${report.weeks === 1 ? '1 week' : `${report.weeks} weeks`})
${errors} errors (a page or a runbook would fail), ${warnings} warnings; ${report.stats.calls} read-only calls
`;
  const skipped = report.notChecked.length === 0 ? '' : `\nNot checked:\n${report.notChecked.map((n) => `- ${n}`).join('\n')}\n`;
  if (report.findings.length === 0) {
    return `${head}\nNothing found: every contact is reachable, every schedule covered, every runbook and permission in place.\n${skipped}`;
  }
  const body = report.findings
    .map((f) => `${f.severity.toUpperCase()} [${f.area}] ${f.code}: ${f.resource}\n  ${f.message}\n  fix: ${f.fix}`)
    .join('\n\n');
  return `${head}\n${body}\n${skipped}`;
}

export function renderJson(report: CheckReport): string {
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  return `${JSON.stringify({ ...report, errors, warnings: report.findings.length - errors }, undefined, 2)}\n`;
}
