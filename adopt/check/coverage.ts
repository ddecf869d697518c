/*
 * Coverage: AWS's shifts of each schedule's rotations (ListRotationShifts: overrides included) and
 * the gaps between them; and the library's computation of the shifts against AWS's preview.
 */
import { paginateListRotationShifts } from '@aws-sdk/client-ssm-contacts';
import { compareShifts } from '../adopt';
import { Modules } from '../ir';
import { planAdoption } from '../plan';
import { collect, mapLimit } from '../readers';
import { AccountSnapshot } from '../snapshot';
import { buildAdoptedApp } from '../synth';
import { CheckContext, iso, plural } from './context';

type Interval = { start: number; end: number };

/** The parts of [from, to) that no interval covers. */
export function gapsOf(intervals: Interval[], from: number, to: number): Interval[] {
  const gaps: Interval[] = [];
  let covered = from;
  for (const i of [...intervals].sort((a, b) => a.start - b.start)) {
    if (i.end <= covered) continue;
    if (i.start > covered) gaps.push({ start: covered, end: Math.min(i.start, to) });
    covered = Math.max(covered, i.end);
    if (covered >= to) break;
  }
  if (covered < to) gaps.push({ start: covered, end: to });
  return gaps.filter((g) => g.end > g.start);
}

/** AWS's shifts of each rotation that a schedule names, from now to `to`. */
async function scheduledShifts(ctx: CheckContext, snapshot: AccountSnapshot, to: number): Promise<Map<string, Interval[]>> {
  const rotationArns = new Set(snapshot.rotations.map((r) => r.rotation.RotationArn!));
  const scheduled = new Set(
    snapshot.contacts.flatMap((c) => (c.contact.Type === 'ONCALL_SCHEDULE' ? (c.contact.Plan?.RotationIds ?? []) : [])).filter((id) => rotationArns.has(id)),
  );
  const shifts = new Map<string, Interval[]>();
  await mapLimit([...scheduled], ctx.props.concurrency, async (arn) => {
    // MaxResults: at most 1,024 (SSM Contacts API reference, ListRotationShifts).
    const input = { RotationId: arn, StartTime: ctx.props.now, EndTime: new Date(to), MaxResults: 1024 };
    const got = await collect(paginateListRotationShifts({ client: ctx.clients.contacts }, input), (p) => p.RotationShifts);
    shifts.set(
      arn,
      got.map((s) => ({ start: new Date(s.StartTime!).getTime(), end: new Date(s.EndTime!).getTime() })),
    );
  });
  return shifts;
}

/** The hours of the coming weeks when a schedule has nobody on call. */
export async function coverage(ctx: CheckContext, snapshot: AccountSnapshot): Promise<void> {
  const { now, weeks } = ctx.props;
  const to = now.getTime() + weeks * 7 * 86_400_000;
  const shifts = await scheduledShifts(ctx, snapshot, to);
  const rotationArns = new Set(snapshot.rotations.map((r) => r.rotation.RotationArn!));
  for (const c of snapshot.contacts.filter((x) => x.contact.Type === 'ONCALL_SCHEDULE')) {
    const ids = (c.contact.Plan?.RotationIds ?? []).filter((id) => rotationArns.has(id));
    if (ids.length === 0) continue; // reachability reports a schedule without rotations
    const gaps = gapsOf(
      ids.flatMap((id) => shifts.get(id) ?? []),
      now.getTime(),
      to,
    );
    if (gaps.length === 0) continue;
    const hours = gaps.reduce((n, g) => n + (g.end - g.start), 0) / 3_600_000;
    ctx.add({
      severity: 'warning',
      area: 'coverage',
      code: 'coverage-gap',
      resource: c.contact.ContactArn!,
      message: `on-call schedule ${c.contact.Alias} has nobody on call for ${Math.round(hours * 10) / 10} hours of the next ${plural(weeks, 'week')} (AWS's shifts, overrides included), in ${plural(gaps.length, 'gap')}: ${gaps
        .slice(0, 5)
        .map((g) => `${iso(g.start)} to ${iso(g.end)}`)
        .join(', ')}${gaps.length > 5 ? ', ...' : ''}`,
      fix: 'a page during a gap engages nobody through this schedule: add a rotation or shift coverage for those hours, or an override, or make sure the escalation plan or response plan engages someone else then',
    });
  }
  ctx.progress(`coverage: ${shifts.size} rotations' shifts read`);
}

/**
 * AWS's preview may hold whole shifts that begin before or end after the weeks asked for (its API
 * reference does not say); the library cuts its shifts there, so AWS's are cut the same way.
 */
function cutPreviews(snapshot: AccountSnapshot): AccountSnapshot {
  return {
    ...snapshot,
    rotations: snapshot.rotations.map((r) =>
      !r.preview
        ? r
        : {
          ...r,
          preview: {
            ...r.preview,
            shifts: r.preview.shifts
              .map((s) => ({
                ...s,
                StartTime: new Date(Math.max(s.StartTime!.getTime(), r.preview!.from.getTime())),
                EndTime: new Date(Math.min(s.EndTime!.getTime(), r.preview!.to.getTime())),
              }))
              .filter((s) => s.EndTime > s.StartTime),
          },
        },
    ),
  };
}

/** The library's computation of each rotation's shifts against AWS's preview. */
export function libraryShifts(ctx: CheckContext, snapshot: AccountSnapshot, modules: Modules): void {
  let comparisons: ReturnType<typeof compareShifts> = [];
  try {
    const plan = planAdoption(snapshot, { maxResourcesPerStack: 200, stackPrefix: 'Check', modules });
    comparisons = compareShifts(cutPreviews(snapshot), buildAdoptedApp(plan, modules).stacks);
  } catch (e) {
    ctx.notChecked(`the library's shifts against AWS's preview: ${(e as Error).message}`);
  }
  for (const c of comparisons.filter((x) => !x.matches)) {
    const rotation = snapshot.rotations.find((r) => r.rotation.Name === c.rotation)!;
    ctx.add({
      severity: 'warning',
      area: 'library',
      code: 'library-shifts-differ',
      resource: rotation.rotation.RotationArn!,
      message: `the library's Rotation.shiftsBetween does not compute the shifts AWS previews for rotation ${c.rotation} (ListPreviewRotationShifts, next ${plural(ctx.props.weeks, 'week')}): ${c.differences.join('; ')}`,
      fix: "the library's offline coverage answers (OnCallAssertions, shiftsBetween) do not hold for this rotation: rely on this command's coverage instead, and report the difference to the library",
    });
  }
  ctx.progress(`library: ${comparisons.length} rotations compared with AWS's preview`);
}
