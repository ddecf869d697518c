import { App, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { DayOfWeek, FoundationEncryption, Impact, IncidentManagerFoundation, RotationRecurrence, RotationStart, Runbook } from '../src';
import { BENCH_ENV, BenchOrganization } from './organization';

/** The organization, defined with the library's IncidentManagerFoundation. */
export function libraryApp(app: App, org: BenchOrganization): Stack {
  const stack = new Stack(app, 'Bench', { env: BENCH_ENV });
  const weekly = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });
  const start = RotationStart.fromIsoString('2027-01-04T09:00');
  // Groups place entries only in nested stacks; without them the foundation would warn that they are unused.
  const group = (name: string) => (org.nested ? name : undefined);
  new IncidentManagerFoundation(stack, 'IM', {
    regions: ['us-east-1', 'us-west-2'],
    encryption: FoundationEncryption.AWS_OWNED_KEY,
    nestedStacks: org.nested,
    contacts: org.contacts.map((c) => ({ alias: c.alias, displayName: c.displayName, email: c.email, voice: c.voice, group: group(c.group) })),
    onCallSchedules: org.schedules.map((s) => ({
      alias: s.alias,
      displayName: s.displayName,
      group: group(s.group),
      rotations: s.rotations.map((contacts) => ({ contacts, startTime: start, timeZone: TimeZone.ETC_UTC, recurrence: weekly })),
    })),
    escalationPlans: org.escalationPlans.map((e) => ({
      alias: e.alias,
      displayName: e.displayName,
      group: group(e.group),
      stages: [
        { duration: Duration.minutes(15), targets: [e.schedule] },
        { duration: Duration.minutes(0), targets: [e.lead] },
      ],
    })),
    chatChannel: {},
    responsePlans: org.responsePlans.map((p) => ({
      responsePlanName: p.name,
      title: p.title,
      impact: Impact.HIGH,
      engagements: [p.escalation],
      runbook: { runbook: Runbook.fromDocumentName(p.runbook) },
      group: group(p.group),
    })),
    sharing: { accounts: ['444455556666'] },
  });
  return stack;
}
