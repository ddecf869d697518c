import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { CoverageOptions } from '../on-call';
import { IncidentManagerValidationError } from './errors';
import { formatLocal } from './zoned';

/** The gaps, as a message: `start to end` in `timeZone`, at most 10 of them. */
export function describeGaps(gaps: Array<{ start: number; end: number }>, timeZone: string): string {
  const shown = gaps.slice(0, 10).map((g) => `${formatLocal(g.start, timeZone)} to ${formatLocal(g.end, timeZone)}`);
  const more = gaps.length > 10 ? ` and ${gaps.length - 10} more` : '';
  return `nobody on call ${shown.join(', ')}${more} (${timeZone})`;
}

type Gap = { start: number; end: number };

/**
 * Adds the coverage check of `options` (when it asks for one) to `scope`: at synthesis, `gapsOf` the
 * checked weeks, and `report` them (with the checked period, "8 weeks from <ISO>") when there are any.
 */
export function addCoverageCheck(
  scope: IConstruct,
  options: CoverageOptions | undefined,
  gapsOf: (from: number, to: number) => Gap[],
  report: (gaps: Gap[], period: string) => void,
): void {
  const window = options?.requireFullCoverage ? coverageWindow(scope, options) : undefined;
  if (!window) return;
  const [from, to] = window;
  const period = `${options!.weeks ?? 8} weeks from ${new Date(from).toISOString()}`;
  scope.node.addValidation({
    validate: () => {
      const gaps = gapsOf(from, to);
      if (gaps.length > 0) report(gaps, period);
      return [];
    },
  });
}

/**
 * The checked interval of a coverage check, or undefined (with a warning) when its number of weeks is
 * known only at deployment: the check runs at synthesis.
 */
function coverageWindow(scope: IConstruct, options: CoverageOptions): [number, number] | undefined {
  const weeks = options.weeks ?? 8;
  if (Token.isUnresolved(weeks)) {
    Annotations.of(scope).addWarningV2(
      'cdk-incident-manager:coverage.weeksUnresolved',
      '`coverage.weeks` is known only at deployment, so the coverage check, which runs at synthesis, is skipped.',
    );
    return undefined;
  }
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
    throw new IncidentManagerValidationError(scope.node.path, '`coverage.weeks`', weeks, 'be a whole number of weeks from 1 to 52', 'ON_CALL_COVERAGE');
  }
  const from = options.from ? options.from.getTime() : Date.now();
  if (isNaN(from)) {
    throw new IncidentManagerValidationError(scope.node.path, '`coverage.from`', String(options.from), 'be a valid Date', 'ON_CALL_COVERAGE');
  }
  return [from, from + weeks * 7 * 86_400_000];
}
