/*
 * `npm run bench:on-call`: computes a year of shifts for an on-call schedule of 8 rotations of 30
 * people each (daily, weekly and monthly, some with shift coverage), and the year's gaps, and prints
 * the time. Not a test: tests never assert on time.
 */
import { performance } from 'perf_hooks';
import { App, Stack, TimeZone } from 'aws-cdk-lib';
import { Contact, DayOfWeek, OnCallSchedule, Rotation, RotationRecurrence, RotationStart } from '../src';

const app = new App();
const stack = new Stack(app, 'Bench', { env: { account: '111122223333', region: 'us-east-1' } });
const zones = [TimeZone.EUROPE_LONDON, TimeZone.AMERICA_NEW_YORK, TimeZone.ASIA_TOKYO, TimeZone.AUSTRALIA_SYDNEY];
const recurrences = [
  RotationRecurrence.daily({ handOffTimes: ['08:00', '20:00'] }),
  RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }, { day: DayOfWeek.THURSDAY, handOffTime: '09:00' }], numberOfOnCalls: 2 }),
  RotationRecurrence.monthly({ handOffs: [{ dayOfMonth: 1, handOffTime: '09:00' }, { dayOfMonth: 15, handOffTime: '09:00' }] }),
  RotationRecurrence.daily({ handOffTimes: ['09:00'], recurrenceMultiplier: 2 }),
];
const rotations = Array.from({ length: 8 }, (_, r) => {
  const contacts = Array.from({ length: 30 }, (__, p) => new Contact(stack, `R${r}P${p}`, { alias: `r${r}-p${p}`, displayName: `Person ${p}` }));
  return new Rotation(stack, `Rotation${r}`, {
    contacts,
    startTime: RotationStart.fromIsoString('2027-01-01T09:00'),
    timeZone: zones[r % zones.length],
    recurrence: recurrences[r % recurrences.length],
    shiftCoverage: r % 2 === 1 ? [DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY].map((day) => ({ day, startTime: '09:00', endTime: '17:00' })) : undefined,
  });
});
const schedule = new OnCallSchedule(stack, 'Schedule', { alias: 'bench', displayName: 'Bench', rotations });
const from = new Date('2027-01-01T00:00:00Z');
const to = new Date('2028-01-01T00:00:00Z');

for (const label of ['first run (loads the time zone data)', 'second run']) {
  const started = performance.now();
  const perRotation = rotations.map((r) => r.shiftsBetween(from, to).length);
  const combined = schedule.shiftsBetween(from, to).length;
  const gaps = schedule.gapsBetween(from, to).length;
  const ms = performance.now() - started;
  console.log(`${label}: ${ms.toFixed(0)} ms for a year of 8 rotations of 30 people: ${perRotation.reduce((a, b) => a + b, 0)} rotation shifts, ${combined} combined shifts, ${gaps} gaps`);
}
