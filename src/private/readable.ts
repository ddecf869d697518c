import { aws_iam as iam } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { Stack, Token } from './core';

/**
 * A value of `scope`'s stack as a user reads and pastes it: tokens resolved, then the pseudo parameters
 * the stack's environment fixes at synth replaced by their values (the partition and the URL suffix from
 * the Region, as aws-cdk-lib's region-info knows them), and what is left as `${AWS::Region}`,
 * `${Resource}` or `${Resource.Attribute}` (Fn::Sub's notation) inside the strings it is joined into.
 */
export function readable(scope: IConstruct, value: unknown): unknown {
  const stack = Stack.of(scope);
  const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
  const info = region === undefined ? undefined : RegionInfo.get(region);
  const pseudo: { [name: string]: string | undefined } = {
    'AWS::Region': region,
    'AWS::AccountId': Token.isUnresolved(stack.account) ? undefined : stack.account,
    'AWS::Partition': info?.partition,
    'AWS::URLSuffix': info?.domainSuffix,
  };
  return render(stack.resolve(value), pseudo);
}

function render(value: any, pseudo: { [name: string]: string | undefined }): any {
  if (Array.isArray(value)) return value.map((v) => render(v, pseudo));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'Ref') return pseudo[value.Ref] ?? `\${${value.Ref}}`;
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') return `\${${[value['Fn::GetAtt']].flat().join('.')}}`;
  if (keys.length === 1 && keys[0] === 'Fn::Join') {
    const [separator, parts] = value['Fn::Join'];
    const rendered = (parts as unknown[]).map((p) => render(p, pseudo));
    return rendered.every((p) => typeof p === 'string') ? rendered.join(separator) : { 'Fn::Join': [separator, rendered] };
  }
  return Object.fromEntries(keys.map((k) => [k, render(value[k], pseudo)]));
}

/** A policy statement as JSON a user pastes into a policy (see `readable`). */
export function readableStatement(scope: IConstruct, statement: iam.PolicyStatement): string {
  return JSON.stringify(readable(scope, statement.toStatementJson()));
}

/**
 * A resource by its ARN when that reads as a whole ARN at synth, otherwise by what the user wrote: the
 * construct's path and, when it is known, its `name`.
 */
export function describeResource(scope: IConstruct, arn: string, construct: IConstruct, name?: string): string {
  const rendered = readable(scope, arn);
  if (typeof rendered === 'string' && !rendered.includes('${')) return rendered;
  const named = name !== undefined && !Token.isUnresolved(name) ? ` (name ${name})` : '';
  return `${construct.node.path}${named}`;
}
