/*
 * `adopt`: read the account, plan the stacks, build them to check them and read their logical IDs,
 * and write the module, the import mappings and the report.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import type { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { Modules } from './ir';
import { renderAppEntry, renderCdkJson, renderModule, renderTsconfig } from './module';
import { AdoptionPlan, Finding, planAdoption } from './plan';
import { ReadStatistics, readAccount } from './read';
import { AccountSnapshot } from './snapshot';
import { ResourceMapping, buildAdoptedApp } from './synth';

export interface AdoptOptions {
  readonly contacts: SSMContactsClient;
  readonly incidents: SSMIncidentsClient;
  readonly region: string;
  /** The directory to write to. */
  readonly outDir: string;
  readonly modules: Modules;
  readonly packageName?: string;
  readonly concurrency?: number;
  readonly maxResourcesPerStack?: number;
  readonly stackPrefix?: string;
  readonly progress?: (message: string) => void;
  /** The time the header and report name, and where previewed shifts start. */
  readonly now?: Date;
  /**
   * Weeks of each rotation's shifts to ask AWS for (ListPreviewRotationShifts), to compare with the
   * library's computation in the report.
   * @default 0
   */
  readonly previewWeeks?: number;
  /**
   * The profile of the user's AWS configuration adopt read with (`--profile`), which the report's
   * commands pass on.
   * @default - none: the commands use the SDK's credential chain
   */
  readonly profile?: string;
}

/** AWS's preview of a rotation's shifts against the library's computation of the adopted rotation. */
export interface ShiftComparison {
  readonly rotation: string;
  readonly matches: boolean;
  readonly differences: string[];
  readonly aws: NormalShift[];
  readonly library: NormalShift[];
}

/** A shift as both sides are compared: ISO start and end, the on-call aliases in order. */
export interface NormalShift {
  readonly start: string;
  readonly end: string;
  readonly aliases: string[];
}

export interface AdoptResult {
  readonly snapshot: AccountSnapshot;
  readonly plan: AdoptionPlan;
  readonly mappings: { [stackName: string]: ResourceMapping };
  readonly stats: ReadStatistics;
  /** Files written, relative to outDir. */
  readonly files: string[];
  /** Warnings the library gave when the stacks were synthesized. */
  readonly warnings: string[];
  readonly shiftComparisons: ShiftComparison[];
}

export async function adopt(options: AdoptOptions): Promise<AdoptResult> {
  const progress = options.progress ?? (() => undefined);
  const stats: ReadStatistics = { calls: 0, attempts: 0 };
  const now = options.now ?? new Date();
  const snapshot = await readAccount(
    {
      contacts: options.contacts,
      incidents: options.incidents,
      region: options.region,
      concurrency: options.concurrency ?? 4,
      progress,
      previewWeeks: options.previewWeeks,
      now,
    },
    stats,
  );
  progress(`read: ${stats.calls} calls, ${stats.attempts} attempts`);
  const maxResourcesPerStack = options.maxResourcesPerStack ?? 200;
  if (!Number.isInteger(maxResourcesPerStack) || maxResourcesPerStack < 5 || maxResourcesPerStack > 500) {
    throw new Error(
      `--max-resources-per-stack ${maxResourcesPerStack}: give a whole number from 5 to 500 (CloudFormation's limit is 500 resources a stack)`,
    );
  }
  const plan = planAdoption(snapshot, { maxResourcesPerStack, stackPrefix: options.stackPrefix ?? 'IncidentManager', modules: options.modules });
  const built = buildAdoptedApp(plan, options.modules);
  const assembly = built.app.synth();
  const warnings = assembly.stacks.flatMap((s) =>
    s.messages.filter((m) => m.level === 'warning').map((m) => `${m.id}: ${String(m.entry.data).split('\n')[0]}`),
  );
  progress(
    `planned: ${plan.stacks.length} stacks, ${Object.values(built.mappings).reduce((n, m) => n + Object.keys(m).length, 0)} resources`,
  );

  const shiftComparisons = compareShifts(snapshot, built.stacks);
  const files: { [file: string]: string } = {
    'incident-manager.ts': renderModule(plan, {
      packageName: options.packageName ?? 'cdk-incident-manager',
      source: `from account ${plan.account}, Region ${plan.region}, on ${now.toISOString().slice(0, 10)}`,
    }),
    'app.ts': renderAppEntry(),
    'cdk.json': renderCdkJson(),
    'tsconfig.json': renderTsconfig(),
    'REPORT.md': renderReport(plan, built.mappings, stats, warnings, now, shiftComparisons) + nextSteps(plan, options.profile),
  };
  for (const c of shiftComparisons) {
    files[`shifts/${c.rotation}.json`] = `${JSON.stringify({ matches: c.matches, differences: c.differences, aws: c.aws, library: c.library }, undefined, 2)}\n`;
  }
  for (const [stack, mapping] of Object.entries(built.mappings)) {
    files[`import/${stack}.json`] = `${JSON.stringify(mapping, undefined, 2)}\n`;
  }
  for (const [file, contents] of Object.entries(files)) {
    const target = path.join(options.outDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
  progress(`wrote ${Object.keys(files).length} files to ${options.outDir}`);
  return { snapshot, plan, mappings: built.mappings, stats, files: Object.keys(files), warnings, shiftComparisons };
}

/** Joins touching shifts with the same people, so that both sides are cut the same way. */
function normalize(shifts: Array<{ start: number; end: number; aliases: string[] }>): NormalShift[] {
  const out: Array<{ start: number; end: number; aliases: string[] }> = [];
  for (const s of [...shifts].sort((a, b) => a.start - b.start)) {
    const prev = out[out.length - 1];
    if (prev && prev.end === s.start && prev.aliases.join() === s.aliases.join()) prev.end = s.end;
    else out.push({ ...s });
  }
  return out.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), aliases: s.aliases }));
}

/** For each previewed rotation that was adopted, AWS's shifts against the library's. */
export function compareShifts(snapshot: AccountSnapshot, stacks: Array<{ node: { findAll(): any[] } }>): ShiftComparison[] {
  const comparisons: ShiftComparison[] = [];
  const constructs = stacks.flatMap((s) => s.node.findAll());
  for (const r of snapshot.rotations) {
    if (!r.preview) continue;
    const name = r.rotation.Name!;
    const construct = constructs.find((c) => c.node.id === `Rotation-${name}` && typeof c.shiftsBetween === 'function');
    if (!construct) continue; // left out: the report says why
    const alias = (id: string) => id.split('/').pop()!;
    const aws = normalize(
      r.preview.shifts.map((s) => ({ start: s.StartTime!.getTime(), end: s.EndTime!.getTime(), aliases: (s.ContactIds ?? []).map(alias) })),
    );
    const library = normalize(
      construct
        .shiftsBetween(r.preview.from, r.preview.to)
        .map((s: any) => ({ start: s.start.getTime(), end: s.end.getTime(), aliases: s.contacts.map((c: any) => c.contactAlias) })),
    );
    const text = (s?: NormalShift) => (s ? `${s.start} to ${s.end}: ${s.aliases.join(', ')}` : 'nothing');
    const differences: string[] = [];
    for (let i = 0; i < Math.max(aws.length, library.length) && differences.length < 5; i++) {
      if (text(aws[i]) !== text(library[i])) differences.push(`AWS ${text(aws[i])}; library ${text(library[i])}`);
    }
    comparisons.push({ rotation: name, matches: differences.length === 0, differences, aws, library });
  }
  return comparisons;
}

function renderReport(
  plan: AdoptionPlan,
  mappings: { [stack: string]: ResourceMapping },
  stats: ReadStatistics,
  warnings: string[],
  now: Date,
  shifts: ShiftComparison[],
): string {
  const leftOut = plan.findings.filter((f) => f.kind === 'left out');
  const differs = plan.findings.filter((f) => f.kind === 'differs');
  const notes = plan.findings.filter((f) => f.kind === 'note');
  const list = (findings: Finding[]) =>
    findings.length === 0 ? 'None.\n' : findings.map((f) => `- \`${f.arn}\`: ${f.reason}`).join('\n') + '\n';
  const total = Object.values(mappings).reduce((n, m) => n + Object.keys(m).length, 0);
  return `# Adopted Incident Manager set-up

Account ${plan.account}, Region ${plan.region}, read on ${now.toISOString()} with ${stats.calls} read-only API calls (${stats.attempts} attempts).

${total} resources in ${plan.stacks.length} stacks; each stack is imported on its own (\`cdk import\` takes one stack at a time).

| stack | resources | mapping |
| --- | ---: | --- |
${plan.stacks.map((s) => `| ${s.name} | ${Object.keys(mappings[s.name]).length} | import/${s.name}.json |`).join('\n')}

## Left out (not in the module, not imported)

Others reference these by ARN, so nothing that engages them changes.

${list(leftOut)}
## Adopted, but CloudFormation's view would differ from the account

${list(differs)}
## Notes

${list(notes)}
## Warnings from the library

${warnings.length === 0 ? 'None.\n' : warnings.map((w) => `- ${w}`).join('\n') + '\n'}
## Shifts: AWS's preview against the library's computation

${
  shifts.length === 0
    ? 'Not asked for (--preview-shifts <weeks>).\n'
    : shifts.map((c) => `- ${c.rotation}: ${c.matches ? `the same ${c.aws.length} shifts` : `differs: ${c.differences.join('; ')}`} (shifts/${c.rotation}.json)`).join('\n') + '\n'
}
`;
}

/**
 * The report's next steps. Every other stack depends on the replication set's stack (the library
 * makes every Incident Manager resource depend on the replication set), so that is imported first; until it is, `cdk diff <stack>` would show it as a new stack, which
 * `--exclusively` (diff only the named stack, not the stacks it depends on) leaves out.
 */
function nextSteps(plan: AdoptionPlan, profile: string | undefined): string {
  const withProfile = profile ? ` --profile ${profile}` : '';
  const commands = (stack: string) =>
    `npx cdk import ${stack} --resource-mapping import/${stack}.json${withProfile}\nnpx cdk diff --exclusively ${stack}${withProfile}    # shows no differences\n`;
  const replicationSet = plan.stacks.find((s) => s.functionName === 'replicationSet');
  const first = replicationSet
    ? `First the replication set, which every other stack depends on (until it is imported, \`cdk diff\` of
another stack shows it as a new stack):

\`\`\`sh
${commands(replicationSet.name)}\`\`\`

Then each other stack (\`--exclusively\` diffs that stack only, not the stacks it depends on):
`
    : 'For each stack:\n';
  return `## Next steps

In the directory of this report (cdk.json compiles app.ts with your project's TypeScript, 5.x or 7,
into build/ and runs it), import one stack at a time. ${first}
\`\`\`sh
${commands('<stack>')}\`\`\`
`;
}
