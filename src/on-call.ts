import { IContact } from './contact-base';
import type { OnCallSchedule } from './on-call-schedule';
import { IncidentManagerValidationError } from './private/errors';
import { checkConstruct, checkList } from './private/inputs';

export * from './on-call/types';

/**
 * Assertions about who is on call, for your tests (jest or any jsii language's test framework): they
 * compute the shifts from the schedule's definition, offline, and throw an `Error` that names the
 * times when they fail.
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * declare const schedule: im.OnCallSchedule;
 * declare const alice: im.Contact;
 * // Someone is on call every minute of the 8 weeks from 4 January 2027.
 * im.OnCallAssertions.assertFullCoverage(schedule, new Date('2027-01-04T00:00:00Z'), 8);
 * // Alice is not on call during her holiday week.
 * im.OnCallAssertions.assertNotOnCallDuring(schedule, alice, new Date('2027-02-01T00:00:00Z'), new Date('2027-02-08T00:00:00Z'));
 */
export class OnCallAssertions {
  /**
   * Throws when nobody is on call at some moment of the `weeks` weeks from `from`, naming the gaps.
   */
  public static assertFullCoverage(schedule: OnCallSchedule, from: Date, weeks: number): void {
    checkConstruct('OnCallAssertions.assertFullCoverage', 'schedule', schedule, 'an OnCallSchedule', 'ON_CALL_COVERAGE');
    if (!Number.isInteger(weeks) || weeks < 1) {
      throw new IncidentManagerValidationError(schedule, '`weeks` of assertFullCoverage', weeks, 'be a whole number of 1 or more', 'ON_CALL_COVERAGE');
    }
    const to = new Date(from.getTime() + weeks * 7 * 86_400_000);
    const gaps = schedule.gapsBetween(from, to);
    if (gaps.length > 0) {
      throw new Error(`${schedule.node.path}: nobody is on call ${gaps.map((g) => `${g.start.toISOString()} to ${g.end.toISOString()}`).join(', ')}`);
    }
  }

  /**
   * Throws when `contact` is on call at some moment from `from` to `to`, naming the shifts.
   */
  public static assertNotOnCallDuring(schedule: OnCallSchedule, contact: IContact, from: Date, to: Date): void {
    checkConstruct('OnCallAssertions.assertNotOnCallDuring', 'schedule', schedule, 'an OnCallSchedule', 'ON_CALL_COVERAGE');
    checkConstruct(schedule, 'contact', contact, 'a contact', 'ON_CALL_COVERAGE');
    const shifts = schedule.shiftsBetween(from, to).filter((s) => s.contacts.includes(contact));
    if (shifts.length > 0) {
      throw new Error(`${schedule.node.path}: ${contact.contactAlias} is on call ${shifts.map((s) => `${s.start.toISOString()} to ${s.end.toISOString()}`).join(', ')}`);
    }
  }

  /**
   * Throws unless exactly `contacts` (in any order) are on call at `at`.
   */
  public static assertOnCallAt(schedule: OnCallSchedule, at: Date, contacts: IContact[]): void {
    checkConstruct('OnCallAssertions.assertOnCallAt', 'schedule', schedule, 'an OnCallSchedule', 'ON_CALL_COVERAGE');
    checkList(schedule, 'contacts', contacts, 'ON_CALL_COVERAGE', true);
    const actual = schedule.onCallAt(at);
    const same = actual.length === contacts.length && contacts.every((c) => actual.includes(c));
    if (!same) {
      const names = (list: IContact[]) => list.map((c) => c.contactAlias).join(', ') || 'nobody';
      throw new Error(`${schedule.node.path}: at ${at.toISOString()} ${names(actual)} on call, not ${names(contacts)}`);
    }
  }

  private constructor() {}
}
