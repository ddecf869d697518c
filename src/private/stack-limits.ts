import * as fs from 'fs';
import * as path from 'path';
import { CfnOutput, ISynthesisSession, NestedStack, NestedStackProps } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { CfnParameter, CfnResource, Stack } from './core';
import { IncidentManagerValidationError } from './errors';

/** CloudFormation's quotas for one template. */
const STACK_LIMITS = {
  resources: 500,
  outputs: 200,
  parameters: 200,
  templateBytes: 1_048_576,
};

/**
 * The number of resources, outputs and parameters each stack of `stacks` declares itself (a nested
 * stack's contents count for the nested stack, and its AWS::CloudFormation::Stack resource for its
 * parent).
 */
function countByStack(root: IConstruct): Map<Stack, { resources: number; outputs: number; parameters: number }> {
  const counts = new Map<Stack, { resources: number; outputs: number; parameters: number }>();
  // Read once: every read of an aws-cdk-lib export goes through its index's getters, a require() each
  // (for CfnParameter, a full module resolution), which over every construct of the app adds up.
  const [stackOf, isResource, output, parameter] = [Stack.of, CfnResource.isCfnResource, CfnOutput, CfnParameter];
  const visit = (node: IConstruct): void => {
    const count = (kind: 'resources' | 'outputs' | 'parameters') => {
      const stack = stackOf(node);
      const entry = counts.get(stack) ?? { resources: 0, outputs: 0, parameters: 0 };
      entry[kind]++;
      counts.set(stack, entry);
    };
    if (isResource(node)) count('resources');
    else if (node instanceof output) count('outputs');
    else if (node instanceof parameter) count('parameters');
    node.node.children.forEach(visit);
  };
  visit(root);
  return counts;
}

/**
 * Fails synthesis with an error that names the quota and how to split, when a stack holding
 * `scope` (or one of its nested stacks) goes over CloudFormation's resource, output or parameter
 * quota. Counts are taken at validation time, so resources the user adds to the stack count too.
 */
export function validateStackLimits(scope: IConstruct, howToSplit: string): void {
  scope.node.addValidation({
    validate: () => {
      const errors: IncidentManagerValidationError[] = [];
      const stack = Stack.of(scope);
      for (const [s, count] of countByStack(stack)) {
        for (const kind of ['resources', 'outputs', 'parameters'] as const) {
          if (count[kind] > STACK_LIMITS[kind]) {
            errors.push(
              new IncidentManagerValidationError(
                scope,
                `the stack ${s.node.path}`,
                `${count[kind]} ${kind}`,
                `have at most ${STACK_LIMITS[kind]} ${kind}, CloudFormation's quota per template; ${s instanceof LimitedNestedStack ? s.howToSplit : howToSplit}`,
                'STACK_QUOTA',
              ),
            );
          }
        }
      }
      if (errors.length > 0) {
        // The library's own error, with the first quota broken (one at a time, like every other check).
        throw errors[0];
      }
      return [];
    },
  });
}

/**
 * A nested stack whose synthesized template is checked against CloudFormation's 1 MB quota: the
 * size is only known once the template is written.
 */
export class LimitedNestedStack extends NestedStack {
  constructor(scope: Construct, id: string, public readonly howToSplit: string, props?: NestedStackProps) {
    super(scope, id, props);
  }

  /** @internal */
  public _synthesizeTemplate(session: ISynthesisSession, ...lookupRole: any[]): void {
    (super._synthesizeTemplate as (...args: any[]) => void).call(this, session, ...lookupRole);
    const bytes = fs.statSync(path.join(session.outdir, this.templateFile)).size;
    if (bytes > STACK_LIMITS.templateBytes) {
      throw new IncidentManagerValidationError(
        this,
        `the template of ${this.node.path}`,
        `${bytes} bytes`,
        `be at most ${STACK_LIMITS.templateBytes} bytes, CloudFormation's quota for a template body; ${this.howToSplit}`,
        'STACK_QUOTA',
      );
    }
  }
}
