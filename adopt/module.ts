/*
 * Prints the adopted stacks as a TypeScript module: one function per stack, as a person would write
 * them, and an app entry point for `cdk import --app`.
 */
import { Statement, StackPlan, render, str } from './ir';
import { AdoptionPlan } from './plan';

export interface ModuleOptions {
  /** The package the module imports the constructs from. */
  readonly packageName: string;
  /** What the header says about where the module came from. */
  readonly source: string;
}

const CDK_MODULES: { [alias: string]: string } = { iam: 'aws_iam', kms: 'aws_kms', secretsmanager: 'aws_secretsmanager', sns: 'aws_sns' };

export function renderModule(plan: AdoptionPlan, options: ModuleOptions): string {
  const body = plan.stacks.map(renderStack).join('\n');
  const used = (name: string) => new RegExp(`\\b${name}[.(]`).test(body);
  const cdkImports = ['App', 'DefaultStackSynthesizer', 'Stack'];
  for (const name of ['Duration', 'RemovalPolicy', 'Tags', 'TimeZone']) if (used(name)) cdkImports.push(name);
  cdkImports.sort();
  for (const [alias, module] of Object.entries(CDK_MODULES)) if (used(alias)) cdkImports.push(`${module} as ${alias}`);
  return `// Written by \`cdk-incident-manager adopt\` ${options.source}.
// Review it, then bring each stack under CloudFormation with
//   npx cdk import <stack> --resource-mapping import/<stack>.json
// in this directory (cdk.json runs app.ts; see REPORT.md). Every resource keeps its name and ARN; none is replaced.
import { ${cdkImports.join(', ')} } from 'aws-cdk-lib';
import * as im from ${str(options.packageName)};

export const ACCOUNT = ${str(plan.account)};
export const REGION = ${str(plan.region)};

/**
 * A stack of the adopted set-up. No CDKMetadata resource and no bootstrap version rule: \`cdk import\`
 * deploys only the imported resources, so anything else would show as a change in \`cdk diff\`.
 */
function newStack(app: App, name: string): Stack {
  return new Stack(app, name, {
    env: { account: ACCOUNT, region: REGION },
    analyticsReporting: false,
    synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
}

${body}
/** Every stack of the adopted set-up. */
export function defineIncidentManager(app: App): Stack[] {
  return [
${plan.stacks.map((s) => `    ${s.functionName}(app),`).join('\n')}
  ];
}
`;
}

function renderStack(stack: StackPlan): string {
  return `/** ${stack.description} (stack ${stack.name}). */
export function ${stack.functionName}(app: App): Stack {
  const stack = newStack(app, ${str(stack.name)});
${stack.statements.map(renderStatement).join('\n')}
  return stack;
}
`;
}

function renderStatement(statement: Statement): string {
  if (statement.kind === 'const') {
    return `  const ${statement.name} = ${statement.value.code};`;
  }
  const lines = [`  // ${statement.comment.replace(/\n/g, ' ')}`];
  const expression = `new im.${statement.className}(stack, ${str(statement.id)}, ${render(statement.props, '  ')})`;
  lines.push(statement.name ? `  const ${statement.name} = ${expression};` : `  ${expression};`);
  if (statement.retain) {
    lines.push(`  ${statement.name}.applyRemovalPolicy(RemovalPolicy.RETAIN);`);
  }
  for (const [key, value] of Object.entries(statement.tags ?? {})) {
    lines.push(`  Tags.of(${statement.name}).add(${str(key)}, ${str(value)});`);
  }
  return lines.join('\n');
}

/**
 * The app entry point `cdk import` and `cdk diff` run (through cdk.json). The `.js` extension is what
 * TypeScript's NodeNext resolution asks for, whether the user's package is CommonJS or an ES module.
 */
export function renderAppEntry(): string {
  return `// Written by \`cdk-incident-manager adopt\`: the app of the adopted stacks.
import { App } from 'aws-cdk-lib';
import { defineIncidentManager } from './incident-manager.js';

const app = new App();
defineIncidentManager(app);
`;
}

/**
 * cdk.json: the app is compiled by the project's own TypeScript (\`tsc\`, the compiler of TypeScript 5
 * and of TypeScript 7 alike) and run by Node.js, so \`cdk import\` and \`cdk diff\` need no ts-node
 * (which cannot load TypeScript 7) and no other runner.
 */
export function renderCdkJson(): string {
  return `${JSON.stringify({ app: 'npx tsc -p tsconfig.json && node build/app.js' }, undefined, 2)}\n`;
}

/**
 * tsconfig.json: options both TypeScript 5.x and TypeScript 7 read the same way (NodeNext, no options
 * TypeScript 7 removed), type-checked strictly, compiled into build/.
 */
export function renderTsconfig(): string {
  const tsconfig = {
    compilerOptions: {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      lib: ['es2022'],
      types: [],
      strict: true,
      skipLibCheck: true,
      rootDir: '.',
      outDir: 'build',
    },
    files: ['app.ts', 'incident-manager.ts'],
  };
  return `${JSON.stringify(tsconfig, undefined, 2)}\n`;
}
