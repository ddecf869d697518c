import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { defineExampleApp } from './example-app';

/*
 * Synthesizes the example into ./cdk.out (or where the CDK CLI asks) and prints what it defined.
 *   npm run example        or        npx cdk synth
 */
const app = new App(process.env.CDK_OUTDIR ? {} : { outdir: path.join(__dirname, '..', 'cdk.out') });
defineExampleApp(app);
const assembly = app.synth();

console.error(`Synthesized into ${path.relative(process.cwd(), assembly.directory) || '.'}`);
for (const stack of assembly.stacks) {
  const counts = new Map<string, number>();
  for (const resource of Object.values<any>(stack.template.Resources ?? {})) {
    counts.set(resource.Type, (counts.get(resource.Type) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  console.error(`\n${stack.stackName} (${stack.environment.account}/${stack.environment.region}): ${total} resources`);
  for (const [type, count] of [...counts.entries()].sort()) {
    console.error(`  ${String(count).padStart(3)}  ${type}`);
  }
}
