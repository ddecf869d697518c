/*
 * The instants of an on-call question (`onCallAt`, `shiftsBetween`, `gapsBetween`, `pagedAt`), checked.
 */
import { IncidentManagerValidationError, Where } from '../private/errors';

/** A Date given to an on-call question, as milliseconds; an invalid Date is an error. */
export function checkInstant(scope: Where, what: string, value: Date): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (isNaN(ms)) {
    throw new IncidentManagerValidationError(scope, `\`${what}\``, String(value), 'be a valid Date', 'ON_CALL_COVERAGE');
  }
  return ms;
}

/** [from, to) of an on-call question; `to` after `from`. */
export function checkInterval(scope: Where, from: Date, to: Date): [number, number] {
  const start = checkInstant(scope, 'from', from);
  const end = checkInstant(scope, 'to', to);
  if (end <= start) {
    throw new IncidentManagerValidationError(scope, '`to`', to.toISOString(), `be after \`from\` (${from.toISOString()})`, 'ON_CALL_COVERAGE');
  }
  return [start, end];
}
