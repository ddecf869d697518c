/*
 * `check`: reads the account with adopt's readers, then the runbooks, roles, topics, keys, secrets and
 * stacks its response plans and contacts use, all with read-only calls, and reports what would fail
 * a page or a runbook tonight: reachability.ts, coverage.ts, response-plans.ts, permissions.ts and
 * drift.ts, each with the API references and user guide pages it relies on.
 */
import { isCredentialOrNetworkError } from '../aws-errors';
import { Modules } from '../ir';
import { ReadStatistics, readAccount } from '../read';
import { AccountSnapshot, accountOfSnapshot, partitionOfSnapshot } from '../snapshot';
import { AppStack } from './app';
import { CheckClients, CheckContext, CheckFinding, countedClients } from './context';
import { coverage, libraryShifts } from './coverage';
import { drift } from './drift';
import { resourcePolicies, runbookRoles } from './permissions';
import { reachability } from './reachability';
import { responsePlans } from './response-plans';

export type { Area, CheckClients, CheckFinding, Sender, Severity } from './context';
export { INCIDENT_MANAGER_PRINCIPAL } from './context';
export { gapsOf } from './coverage';
export { reachability } from './reachability';

export interface CheckOptions {
  readonly clients: CheckClients;
  readonly region: string;
  /** Weeks of shifts to check, from `now`. */
  readonly weeks: number;
  readonly now?: Date;
  readonly concurrency?: number;
  readonly progress?: (message: string) => void;
  /**
   * The library and aws-cdk-lib, to compare each rotation's shifts as AWS previews them with
   * `Rotation.shiftsBetween`.
   * @default - no comparison
   */
  readonly modules?: Modules;
  /**
   * The stacks of an app (`--app`), to compare their Incident Manager resources with the account.
   * @default - no comparison
   */
  readonly app?: AppStack[];
}

export interface CheckReport {
  readonly account: string;
  readonly region: string;
  readonly at: string;
  readonly weeks: number;
  readonly findings: CheckFinding[];
  /** Resources of other accounts the check does not read (its policy names this account only). */
  readonly notChecked: string[];
  readonly stats: ReadStatistics;
}

/** Reads the account with adopt's reader; without AWS's preview of the shifts when reading it fails. */
async function readSnapshot(
  options: CheckOptions,
  stats: ReadStatistics,
  notChecked: string[],
): Promise<{ snapshot: AccountSnapshot; compare: boolean }> {
  const { clients, region } = options;
  const progress = options.progress ?? (() => undefined);
  const now = options.now ?? new Date();
  const concurrency = options.concurrency ?? 4;
  const read = (previewWeeks: number) =>
    readAccount({ contacts: clients.contacts, incidents: clients.incidents, region, concurrency, progress, previewWeeks, now }, stats);
  const compare = options.modules !== undefined;
  try {
    return { snapshot: await read(compare ? options.weeks : 0), compare };
  } catch (e) {
    // Without credentials or a way to the endpoint no other call can succeed either: stop at once.
    if (!compare || isCredentialOrNetworkError(e)) throw e;
    // The comparison with the library is the one part that may be left out: read again without AWS's
    // preview (ListPreviewRotationShifts), and say why.
    progress(`reading AWS's preview of the shifts failed (${(e as Error).message}): reading again without it`);
    notChecked.push(`the library's shifts against AWS's preview: ${(e as Error).message}`);
    return { snapshot: await read(0), compare: false };
  }
}

export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const stats: ReadStatistics = { calls: 0, attempts: 0 };
  /** What the check could not read, said in the report. */
  const notChecked: string[] = [];
  const { snapshot, compare } = await readSnapshot(options, stats, notChecked);
  const ctx = new CheckContext({
    clients: countedClients(options.clients, stats),
    region: options.region,
    account: accountOf(snapshot),
    partition: partitionOfSnapshot(snapshot),
    now: options.now ?? new Date(),
    weeks: options.weeks,
    concurrency: options.concurrency ?? 4,
    progress: options.progress ?? (() => undefined),
    notChecked,
  });

  const reach = reachability(snapshot);
  reach.findings.forEach((f) => ctx.add(f));
  ctx.progress(`reachability: ${reach.findings.length} findings`);
  await coverage(ctx, snapshot);
  if (compare && options.modules) libraryShifts(ctx, snapshot, options.modules);
  const used = await responsePlans(ctx, snapshot, reach);
  await runbookRoles(ctx, used.runbooks);
  await resourcePolicies(ctx, snapshot, used);
  await drift(ctx, snapshot, options.app);

  const order = { error: 0, warning: 1 };
  const findings = [...ctx.findings].sort((x, y) => order[x.severity] - order[y.severity]);
  const { account, region } = ctx;
  return { account, region, at: ctx.props.now.toISOString(), weeks: options.weeks, findings, notChecked: [...new Set(notChecked)], stats };
}

function accountOf(snapshot: AccountSnapshot): string {
  const account = accountOfSnapshot(snapshot);
  if (!account) throw new Error('check: the account has no Incident Manager resources in this Region (no replication set, contact, rotation or response plan)');
  return account;
}
