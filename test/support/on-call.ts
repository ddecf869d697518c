import { Stack, TimeZone } from 'aws-cdk-lib';
import { Contact, DayOfWeek, IContact, RotationProps, RotationRecurrence, RotationStart, Shift, ShiftCoverage } from '../../src';

/*
 * Fixtures of the tests of rotations, on-call schedules and who is on call.
 */

/** The ARN of a construct's `Resource`, as the template refers to it. */
export const arnOf = (stack: Stack, construct: { node: any }) => ({ 'Fn::GetAtt': [stack.getLogicalId(construct.node.findChild('Resource')), 'Arn'] });

/** `n` personal contacts whose ids and aliases are `<prefix>0`, `<prefix>1`, ... */
export function people(stack: Stack, n = 2, prefix = 'p'): IContact[] {
  return Array.from({ length: n }, (_, i) => new Contact(stack, `${prefix}${i}`, { alias: `${prefix}${i}`, displayName: `${prefix}${i}` }));
}

/** Hand-offs on Mondays at 09:00. */
export const weekly = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });

/** A weekly rotation of `contacts` from Monday 5 January 2026 09:00 in London, with `over` on top. */
export function rotationProps(contacts: IContact[], over: Partial<RotationProps> = {}): RotationProps {
  return {
    contacts,
    startTime: RotationStart.fromIsoString('2026-01-05T09:00'),
    timeZone: TimeZone.EUROPE_LONDON,
    recurrence: weekly,
    ...over,
  };
}

/** `n` personal contacts with ids P0, P1, ... and aliases a, b, ... */
export const lettered = (stack: Stack, n: number) =>
  Array.from({ length: n }, (_, i) => new Contact(stack, `P${i}`, { alias: String.fromCharCode(97 + i), displayName: `Person ${i}` }));

/** Shifts as [start ISO, end ISO, aliases]. */
export const flat = (shifts: Shift[]) => shifts.map((s) => [s.start.toISOString().slice(0, 16), s.end.toISOString().slice(0, 16), s.contacts.map((c) => c.contactAlias).join('')]);
/** A UTC instant given to the minute, `2027-01-04T09:00`. */
export const at = (iso: string) => new Date(`${iso}:00Z`);
export const daily = (...handOffTimes: string[]) => RotationRecurrence.daily({ handOffTimes });

export const UTC = TimeZone.ETC_UTC;
export const start = (iso: string) => RotationStart.fromIsoString(iso);
export const weekdays = [DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY];
/** 09:00 to 17:00 on weekdays. */
export const businessHours: ShiftCoverage[] = weekdays.map((day) => ({ day, startTime: '09:00', endTime: '17:00' }));
