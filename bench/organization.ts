/*
 * The organization every benchmark size synthesizes, as plain data shared by the library app and the
 * L1 app, so that both define the identical resources.
 */

export interface BenchOrganization {
  readonly people: number;
  /** Whether contacts, schedules and plans go into nested stacks (needed past ~120 people). */
  readonly nested: boolean;
  readonly contacts: Array<{ alias: string; displayName: string; email: string; voice: string; group: string }>;
  readonly schedules: Array<{ alias: string; displayName: string; rotations: string[][]; group: string }>;
  readonly escalationPlans: Array<{ alias: string; displayName: string; schedule: string; lead: string; group: string }>;
  readonly responsePlans: Array<{ name: string; title: string; escalation: string; runbook: string; group: string }>;
}

/**
 * `people` people; a team of 10 per schedule (two rotations of 5, fewer when there are fewer people:
 * a person is in a rotation once) and escalation plan; a response plan per two teams. Eight teams form a group, which is a nested stack with `nested`.
 */
export function organization(people: number): BenchOrganization {
  const teams = Math.max(1, Math.floor(people / 10));
  const alias = (i: number) => `person-${i}`;
  const group = (team: number) => `Teams${Math.floor(team / 8)}`;
  return {
    people,
    nested: people > 120,
    contacts: Array.from({ length: people }, (_, i) => ({
      alias: alias(i),
      displayName: `Person ${i}`,
      email: `person${i}@example.com`,
      voice: `+1206555${String(i % 10000).padStart(4, '0')}`,
      group: group(Math.floor(i / 10)),
    })),
    schedules: Array.from({ length: teams }, (_, t) => ({
      alias: `team-${t}-oncall`,
      displayName: `Team ${t} on call`,
      rotations: [0, 1].map((r) => Array.from({ length: Math.min(5, people) }, (__, k) => alias((t * 10 + r * 5 + k) % people))),
      group: group(t),
    })),
    escalationPlans: Array.from({ length: teams }, (_, t) => ({
      alias: `team-${t}-escalation`,
      displayName: `Team ${t} escalation`,
      schedule: `team-${t}-oncall`,
      lead: alias((t * 10) % people),
      group: group(t),
    })),
    responsePlans: Array.from({ length: Math.max(1, Math.floor(teams / 2)) }, (_, p) => ({
      name: `service-${p}`,
      title: `Service ${p} is failing`,
      escalation: `team-${p * 2}-escalation`,
      runbook: `Restart-Service-${p}`,
      group: group(p * 2),
    })),
  };
}

/** The account and Region every benchmark stack deploys to. */
export const BENCH_ENV = { account: '111122223333', region: 'us-east-1' };
