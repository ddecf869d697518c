// Bundles the adopt and check commands into lib/adopt/cli.js with the AWS SDK clients inside (those
// of adopt/check/ too: SSM, IAM, SNS, KMS, Secrets Manager, CloudFormation), so that users of
// the construct library install no SDK. aws-cdk-lib, constructs and the library itself (../index.js)
// come from the app the command runs in.
import { build } from 'esbuild';

await build({
  entryPoints: ['adopt/cli.ts'],
  outfile: 'lib/adopt/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  banner: { js: '#!/usr/bin/env node' },
  external: ['aws-cdk-lib', 'constructs', '../index.js'],
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
