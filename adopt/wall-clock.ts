/*
 * Wall-clock times in an IANA time zone, with Intl only: how the APIs' instants are written in
 * CloudFormation's AWS::SSMContacts::Rotation StartTime, the wall-clock time in the rotation's time zone.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** `YYYY-MM-DDTHH:MM:SS` of an instant in `timeZone`: the form of AWS::SSMContacts::Rotation StartTime. */
export function isoLocal(ms: number, timeZone: string): string {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => String(Number(parts.find((p) => p.type === type)!.value)).padStart(2, '0');
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}

/** The wall-clock time of `instant` in `timeZone`, as CloudFormation's StartTime takes it: YYYY-MM-DDTHH:MM[:SS]. */
export function wallClock(instant: Date, timeZone: string): string {
  return isoLocal(instant.getTime(), timeZone).replace(/:00$/, '');
}
