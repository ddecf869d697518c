// Writes, into the directory given, apps made of README examples pasted as they are: each example's
// imports at the top, its body in a stack's constructor (as the README's rosetta fixture does), and
// the example app with the package's name instead of ../src. Used by .ci/newest-cdk.
const fs = require('fs');
const path = require('path');

const [outDir] = process.argv.slice(2);
const root = path.join(__dirname, '..');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** The first TypeScript example after a heading. */
function exampleAfter(heading) {
  const rest = readme.split(`\n${heading}\n`)[1];
  if (!rest) throw new Error(`README has no heading "${heading}"`);
  return /```ts\n([\s\S]*?)```/.exec(rest)[1];
}

function stackApp(name, example) {
  const lines = example.split('\n');
  // Imports and `declare` lines go to the top of the module, as rosetta puts them.
  const imports = lines.filter((l) => l.startsWith('import '));
  const declarations = lines.filter((l) => l.startsWith('declare '));
  const body = lines.filter((l) => !l.startsWith('import ') && !l.startsWith('declare '));
  const hasStack = imports.some((l) => /\bStack\b/.test(l) && l.includes("'aws-cdk-lib'"));
  return [
    ...imports,
    hasStack ? '' : "import { Stack } from 'aws-cdk-lib';",
    "import { App } from 'aws-cdk-lib';",
    "import { Construct } from 'constructs';",
    '',
    ...declarations,
    '',
    `class ${name} extends Stack {`,
    '  constructor(scope: Construct, id: string) {',
    "    super(scope, id, { env: { account: '111122223333', region: 'us-east-1' } });",
    ...body.map((l) => (l ? `    ${l}` : '')),
    '  }',
    '}',
    '',
    'const app = new App();',
    `new ${name}(app, '${name}');`,
    'app.synth();',
    '',
  ].join('\n').replace(/^import \{ App \} from 'aws-cdk-lib';\n/m, (m) => (imports.some((l) => /\bApp\b/.test(l) && l.includes("'aws-cdk-lib'")) ? '' : m));
}

fs.writeFileSync(path.join(outDir, 'readme-foundation.ts'), stackApp('ReadmeFoundation', exampleAfter('## IncidentManagerFoundation')));
// The Quick start example is a whole app already.
fs.writeFileSync(path.join(outDir, 'readme-quick-start.ts'), `${exampleAfter('## Quick start')}\napp.synth();\n`);
const example = fs.readFileSync(path.join(root, 'examples', 'example-app.ts'), 'utf8').replace("from '../src'", "from 'cdk-incident-manager'");
fs.writeFileSync(path.join(outDir, 'example-app.ts'), example);
fs.writeFileSync(path.join(outDir, 'example-main.ts'), "import { App } from 'aws-cdk-lib';\nimport { defineExampleApp } from './example-app';\n\nconst app = new App();\ndefineExampleApp(app);\napp.synth();\n");
