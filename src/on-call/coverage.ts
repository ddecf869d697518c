/*
 * The coverage check at synthesis: someone on call at every moment of the checked weeks (an on-call
 * schedule's, an escalation plan's first stage, the foundation's option for all of its schedules).
 */
import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { CoverageOptions } from './types';
import { formatLocal } from './zoned';
import { Token } from '../private/core';
import { IncidentManagerValidationError, Where } from '../private/errors';
import { checkBoolean, checkMap } from '../private/inputs';

/** The gaps, as a message: `start to end` in `timeZone`, at most 10 of them. */
export function describeGaps(gaps: Array<{ start: number; end: number }>, timeZone: string): string {
  const shown = gaps.slice(0, 10).map((g) => `${formatLocal(g.start, timeZone)} to ${formatLocal(g.end, timeZone)}`);
  const more = gaps.length > 10 ? ` and ${gaps.length - 10} more` : '';
  return `nobody on call ${shown.join(', ')}${more} (${timeZone})`;
}

type Gap = { start: number; end: number };

/**
 * The context key a pipeline sets to check the weeks from a moment of its choice (an ISO 8601 date
 * and time with an offset, such as the time of the run): `cdk synth -c cdk-incident-manager:coverageFrom=2027-03-01T00:00:00Z`.
 */
export const COVERAGE_FROM_CONTEXT = 'cdk-incident-manager:coverageFrom';

/** An ISO 8601 date, or a date and time with an offset: an instant that reads the same on every machine. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** The options' shape, from JavaScript: an object whose requireFullCoverage is true or false. */
export function checkCoverageOptions(where: Where, options: CoverageOptions | undefined): void {
  checkMap(where, 'coverage', options, 'ON_CALL_COVERAGE', 'an object such as { requireFullCoverage: true }');
  checkBoolean(where, 'coverage.requireFullCoverage', options?.requireFullCoverage, 'ON_CALL_COVERAGE');
  const weeks = options?.weeks;
  if (options?.requireFullCoverage && weeks !== undefined && !Token.isUnresolved(weeks) && (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 1 || weeks > 52)) {
    throw new IncidentManagerValidationError(where, '`coverage.weeks`', weeks, 'be a whole number of weeks from 1 to 52', 'ON_CALL_COVERAGE');
  }
}

/**
 * Adds the coverage check of `options` (when it asks for one) to `scope`: at synthesis, `gapsOf` the
 * checked weeks, and `report` them (with the checked period, "8 weeks from <ISO>") when there are any.
 *
 * The checked weeks start at `coverage.from`, else at the context value `cdk-incident-manager:coverageFrom`,
 * else at `defaultFrom()` (the latest start of the rotations the check follows): never at the time of
 * synthesis, so that the same code synthesizes the same way on every day.
 */
export function addCoverageCheck(
  scope: IConstruct,
  options: CoverageOptions | undefined,
  defaultFrom: () => number | undefined,
  gapsOf: (from: number, to: number) => Gap[],
  report: (gaps: Gap[], period: string) => void,
): void {
  checkCoverageOptions(scope.node.path, options);
  const window = options?.requireFullCoverage ? coverageWindow(scope, options) : undefined;
  if (!window) return;
  const [given, weeks] = window;
  scope.node.addValidation({
    validate: () => {
      const latestStart = given === undefined ? defaultFrom() : undefined;
      if (given === undefined && latestStart === undefined) {
        return []; // no rotation of this app to follow: nobody's shifts depend on the time
      }
      const from = given ?? latestStart!;
      const to = from + weeks * 7 * 86_400_000;
      const period = `${weeks} weeks from ${new Date(from).toISOString()}${given === undefined ? ' (the latest start of its rotations; set coverage.from or the context value cdk-incident-manager:coverageFrom to check other weeks)' : ''}`;
      const gaps = gapsOf(from, to);
      if (gaps.length > 0) report(gaps, period);
      return [];
    },
  });
}

/**
 * The start a coverage check was given (`coverage.from` or the context value), undefined when it was
 * given none, and its number of weeks; undefined (with a warning) when the number of weeks is known
 * only at deployment: the check runs at synthesis.
 */
function coverageWindow(scope: IConstruct, options: CoverageOptions): [number | undefined, number] | undefined {
  checkCoverageOptions(scope.node.path, options);
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
  if (options.from !== undefined) {
    const from = options.from instanceof Date ? options.from.getTime() : NaN;
    if (isNaN(from)) {
      throw new IncidentManagerValidationError(scope.node.path, '`coverage.from`', String(options.from), 'be a valid Date', 'ON_CALL_COVERAGE');
    }
    return [from, weeks];
  }
  const context: unknown = scope.node.tryGetContext(COVERAGE_FROM_CONTEXT);
  if (context === undefined) {
    return [undefined, weeks];
  }
  const from = typeof context === 'string' && ISO_INSTANT.test(context) && isRealDate(context) ? new Date(context).getTime() : NaN;
  if (isNaN(from)) {
    throw new IncidentManagerValidationError(
      scope.node.path,
      `the context value \`${COVERAGE_FROM_CONTEXT}\``,
      context,
      'be an ISO 8601 date (2027-03-01) or date and time with an offset (2027-03-01T09:00:00Z)',
      'ON_CALL_COVERAGE',
    );
  }
  return [from, weeks];
}

/** Whether the date of `YYYY-MM-DD...` exists (2027-02-30 does not) and its time, if any, is a real time. */
function isRealDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(iso);
  const timeOk = !time || (Number(time[1]) <= 23 && Number(time[2]) <= 59 && Number(time[3] ?? 0) <= 59);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && timeOk;
}
