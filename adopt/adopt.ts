/*
 * `adopt`: read the account, plan the stacks, build them to check them and read their logical IDs,
 * and write the module, the import mappings and the report.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import type { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { Modules } from './ir';
import { renderAppEntry, renderModule } from './module';
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
  /** The time the header and report name. */
  readonly now?: Date;
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
}

export async function adopt(options: AdoptOptions): Promise<AdoptResult> {
  const progress = options.progress ?? (() => undefined);
  const stats: ReadStatistics = { calls: 0, attempts: 0 };
  const snapshot = await readAccount(
    { contacts: options.contacts, incidents: options.incidents, region: options.region, concurrency: options.concurrency ?? 4, progress },
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

  const now = options.now ?? new Date();
  const files: { [file: string]: string } = {
    'incident-manager.ts': renderModule(plan, {
      packageName: options.packageName ?? 'cdk-incident-manager',
      source: `from account ${plan.account}, Region ${plan.region}, on ${now.toISOString().slice(0, 10)}`,
    }),
    'app.ts': renderAppEntry(),
    'REPORT.md': renderReport(plan, built.mappings, stats, warnings, now),
  };
  for (const [stack, mapping] of Object.entries(built.mappings)) {
    files[`import/${stack}.json`] = `${JSON.stringify(mapping, undefined, 2)}\n`;
  }
  for (const [file, contents] of Object.entries(files)) {
    const target = path.join(options.outDir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, contents);
  }
  progress(`wrote ${Object.keys(files).length} files to ${options.outDir}`);
  return { snapshot, plan, mappings: built.mappings, stats, files: Object.keys(files), warnings };
}

function renderReport(
  plan: AdoptionPlan,
  mappings: { [stack: string]: ResourceMapping },
  stats: ReadStatistics,
  warnings: string[],
  now: Date,
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
## Next steps

For each stack, in the directory of this report:

\`\`\`sh
npx cdk import --app 'npx ts-node --prefer-ts-exts app.ts' <stack> --resource-mapping import/<stack>.json
npx cdk diff --app 'npx ts-node --prefer-ts-exts app.ts' <stack>    # shows no differences
\`\`\`
`;
}
