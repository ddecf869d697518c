/*
 * Reachability: whom engaging each contact, on-call schedule and escalation plan pages, and the
 * findings about those that page nobody. A contact channel pages only once activated (SSM Contacts
 * ContactChannel, ActivationStatus).
 */
import type { Rotation } from '@aws-sdk/client-ssm-contacts';
import { AccountSnapshot, ContactSnapshot } from '../snapshot';
import { CheckFinding, alias } from './context';

/** Reachability of every contact, and the findings about contacts, schedules and escalation plans. */
export interface Reachability {
  readonly findings: CheckFinding[];
  readonly contacts: Map<string, ContactSnapshot>;
  readonly reachable: (arn: string) => boolean;
}

/** What the findings of one contact are worked out with. */
interface Known {
  readonly contacts: Map<string, ContactSnapshot>;
  readonly rotations: Map<string, Rotation>;
  readonly reachable: (arn: string) => boolean;
}

const activated = (c: ContactSnapshot, channelArn: string) =>
  c.channels.some((ch) => ch.ContactChannelArn === channelArn && ch.ActivationStatus === 'ACTIVATED');

/** Whom each contact reaches, and the findings about the contacts that reach nobody. */
export function reachability(snapshot: AccountSnapshot): Reachability {
  const findings: CheckFinding[] = [];
  const contacts = new Map(snapshot.contacts.map((c) => [c.contact.ContactArn!, c]));
  const rotations = new Map(snapshot.rotations.map((r) => [r.rotation.RotationArn!, r.rotation]));
  const memo = new Map<string, boolean>();
  const reachable = (arn: string): boolean => {
    if (memo.has(arn)) return memo.get(arn)!;
    memo.set(arn, false); // a cycle reaches nobody by itself
    const c = contacts.get(arn);
    let result = false;
    if (c?.contact.Type === 'PERSONAL') {
      const stages = c.contact.Plan?.Stages ?? [];
      result = stages.some((s) => (s.Targets ?? []).some((t) => t.ChannelTargetInfo && activated(c, t.ChannelTargetInfo.ContactChannelId!)));
    } else if (c?.contact.Type === 'ONCALL_SCHEDULE') {
      result = (c.contact.Plan?.RotationIds ?? []).some((id) => (rotations.get(id)?.ContactIds ?? []).some(reachable));
    } else if (c?.contact.Type === 'ESCALATION') {
      const stages = c.contact.Plan?.Stages ?? [];
      result = stages.some((s) => (s.Targets ?? []).some((t) => t.ContactTargetInfo && reachable(t.ContactTargetInfo.ContactId!)));
    }
    memo.set(arn, result);
    return result;
  };

  const known = { contacts, rotations, reachable };
  for (const c of snapshot.contacts) {
    if (c.contact.Type === 'PERSONAL') findings.push(...personalFindings(c, known));
    else if (c.contact.Type === 'ONCALL_SCHEDULE') findings.push(...scheduleFindings(c, known));
    else if (c.contact.Type === 'ESCALATION') findings.push(...escalationFindings(c, known));
  }
  return { findings, contacts, reachable };
}

/** A personal contact's channels that are not activated, and an engagement plan that pages nobody. */
function personalFindings(c: ContactSnapshot, { reachable }: Known): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const arn = c.contact.ContactArn!;
  const name = c.contact.Alias!;
  const stages = c.contact.Plan?.Stages ?? [];
  for (const ch of c.channels.filter((x) => x.ActivationStatus !== 'ACTIVATED')) {
    findings.push({
      severity: 'warning',
      area: 'reachability',
      code: 'channel-not-activated',
      resource: ch.ContactChannelArn!,
      message: `contact channel ${ch.Name} (${ch.Type}) of ${name} is not activated: Incident Manager does not page it`,
      fix: `activate it with the code AWS sent to ${ch.Type === 'EMAIL' ? 'the address' : 'the number'} (console, or ssm-contacts ActivateContactChannel), or send a new one (SendActivationCode)`,
    });
  }
  if (!stages.some((s) => (s.Targets ?? []).length > 0)) {
    findings.push({
      severity: 'error',
      area: 'reachability',
      code: 'no-engagement-plan',
      resource: arn,
      message: `contact ${name} has no engagement plan that names a channel: engaging it pages nobody`,
      fix: 'give the contact an engagement plan whose first stage names an activated channel',
    });
  } else if (!reachable(arn)) {
    findings.push({
      severity: 'error',
      area: 'reachability',
      code: 'contact-unreachable',
      resource: arn,
      message: `no stage of contact ${name}'s engagement plan names an activated channel: engaging it pages nobody`,
      fix: 'activate a channel the plan names, or name an activated channel in the plan',
    });
  } else {
    stages.forEach((s, i) => {
      const targets = s.Targets ?? [];
      if (targets.length > 0 && !targets.some((t) => t.ChannelTargetInfo && activated(c, t.ChannelTargetInfo.ContactChannelId!))) {
        findings.push({
          severity: 'warning',
          area: 'reachability',
          code: 'stage-reaches-nobody',
          resource: arn,
          message: `stage ${i + 1} of contact ${name}'s engagement plan names no activated channel: that stage pages nobody`,
          fix: 'activate the channels it names, or name activated ones',
        });
      }
    });
  }
  return findings;
}

/** An on-call schedule without rotations, or with members that cannot be paged. */
function scheduleFindings(c: ContactSnapshot, { contacts, rotations, reachable }: Known): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const arn = c.contact.ContactArn!;
  const name = c.contact.Alias!;
  const ids = c.contact.Plan?.RotationIds ?? [];
  const missing = ids.filter((id) => !rotations.has(id));
  if (ids.length === 0 || missing.length > 0) {
    findings.push({
      severity: 'error',
      area: 'reachability',
      code: 'schedule-rotation-missing',
      resource: arn,
      message: ids.length === 0 ? `on-call schedule ${name} has no rotation` : `on-call schedule ${name} names rotations that do not exist: ${missing.join(', ')}`,
      fix: 'give the schedule rotations that exist',
    });
  }
  const members = new Map<string, string[]>();
  for (const id of ids) {
    for (const m of rotations.get(id)?.ContactIds ?? []) members.set(m, [...(members.get(m) ?? []), rotations.get(id)!.Name!]);
  }
  for (const [member, names] of members) {
    if (reachable(member)) continue;
    findings.push({
      severity: 'error',
      area: 'reachability',
      code: 'schedule-member-unreachable',
      resource: arn,
      message: `${alias(member)} is on call in ${names.join(', ')} of on-call schedule ${name}, but cannot be paged${contacts.has(member) ? '' : ' (the contact does not exist)'}: a page during their shifts reaches nobody`,
      fix: `make ${alias(member)} reachable (see the reachability findings), or take them out of the rotation`,
    });
  }
  return findings;
}

/** An escalation plan without stages, or engaging contacts that reach nobody. */
function escalationFindings(c: ContactSnapshot, { contacts, reachable }: Known): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const arn = c.contact.ContactArn!;
  const name = c.contact.Alias!;
  const stages = c.contact.Plan?.Stages ?? [];
  if (stages.length === 0) {
    findings.push({
      severity: 'error',
      area: 'reachability',
      code: 'escalation-no-stages',
      resource: arn,
      message: `escalation plan ${name} has no stages: engaging it pages nobody`,
      fix: 'add stages that engage contacts',
    });
  }
  const targets = new Set(stages.flatMap((s) => (s.Targets ?? []).map((t) => t.ContactTargetInfo?.ContactId).filter((x): x is string => !!x)));
  for (const target of targets) {
    if (reachable(target)) continue;
    findings.push({
      severity: 'error',
      area: 'reachability',
      code: 'escalation-target-unreachable',
      resource: arn,
      message: `escalation plan ${name} engages ${alias(target)}, which ${contacts.has(target) ? 'reaches nobody' : 'does not exist'}`,
      fix: contacts.has(target) ? `make ${alias(target)} reachable (see the reachability findings), or engage someone else` : 'engage a contact that exists, or remove the engagement',
    });
  }
  return findings;
}
