/*
 * What `adopt` writes, as data: stacks of statements whose values are literals or expressions. The same
 * statements are printed as TypeScript (the module the user keeps) and executed against the library
 * (to synthesize the stacks and read each resource's logical ID for the import mapping), so the two
 * cannot disagree about what is built.
 */
import type * as cdk from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type * as imTypes from '../src';

/** The modules an expression is built with: the library and aws-cdk-lib, as the running app loads them. */
export interface Modules {
  readonly im: typeof imTypes;
  readonly cdk: typeof cdk;
}

/** Where an expression is built: the modules, the stack and the constructs defined so far in it. */
export interface BuildContext extends Modules {
  readonly stack: cdk.Stack;
  readonly vars: Map<string, unknown>;
}

/** A value written as code and built by a function. */
export class Expr {
  constructor(
    public readonly code: string,
    public readonly make: (ctx: BuildContext) => unknown,
  ) {}
}

export type Value = string | number | boolean | undefined | Expr | Value[] | { readonly [key: string]: Value };

/** `const name = expr;` */
export interface ConstStatement {
  readonly kind: 'const';
  readonly name: string;
  readonly value: Expr;
  /** The ARN of the resource the constant imports, if it imports one. */
  readonly arn?: string;
}

/** `[const name = ]new im.Class(stack, 'id', props);` with what each of its resources is in the account. */
export interface NewStatement {
  readonly kind: 'new';
  readonly name?: string;
  readonly className: 'Contact' | 'EscalationPlan' | 'OnCallSchedule' | 'Rotation' | 'ResponsePlan' | 'ReplicationSet';
  readonly id: string;
  readonly props: Value;
  /** The ARN each CloudFormation resource of the construct adopts, by the id of its child construct. */
  readonly identifiers: { readonly [childId: string]: string };
  /**
   * `name.applyRemovalPolicy(RemovalPolicy.RETAIN)`, for constructs whose resource is not retained by
   * default: `cdk import` gives every imported resource DeletionPolicy Retain, so the template must too.
   */
  readonly retain?: boolean;
  /** Tags of the construct's resource, `Tags.of(name).add(key, value)`. */
  readonly tags?: { readonly [key: string]: string };
  /** What the statement adopts, for comments and the report. */
  readonly comment: string;
}

export type Statement = ConstStatement | NewStatement;

/** One top-level stack of the adopted app. */
export interface StackPlan {
  /** The stack's construct id and name. */
  readonly name: string;
  /** The function that defines it in the module. */
  readonly functionName: string;
  readonly description: string;
  readonly statements: Statement[];
}

/** A finding of the report. */
export interface Finding {
  /** The resource's ARN. */
  readonly arn: string;
  /**
   * `left out`: not in the module nor the mapping; `differs`: adopted, but the template differs from
   * the account; `note`: adopted unchanged, with something the user should know.
   */
  readonly kind: 'left out' | 'differs' | 'note';
  readonly reason: string;
}

/** A literal string as TypeScript. */
export function str(value: string): string {
  return `'${value
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Prints a value as TypeScript, indented by `indent`. */
export function render(value: Value, indent = ''): string {
  if (value instanceof Expr) {
    return value.code;
  }
  if (typeof value === 'string') {
    return str(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (value === undefined) {
    return 'undefined';
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => render(v, inner));
    const oneLine = `[${items.join(', ')}]`;
    if (oneLine.length <= 100 && !oneLine.includes('\n')) return oneLine;
    return `[\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const items = entries.map(([k, v]) => `${IDENTIFIER.test(k) ? k : str(k)}: ${render(v, inner)}`);
  const oneLine = `{ ${items.join(', ')} }`;
  if (oneLine.length <= 100 && !oneLine.includes('\n')) return oneLine;
  return `{\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}}`;
}

/** Builds a value: literals as they are, expressions by their function. */
export function build(value: Value, ctx: BuildContext): unknown {
  if (value instanceof Expr) {
    return value.make(ctx);
  }
  if (Array.isArray(value)) {
    return value.map((v) => build(v, ctx));
  }
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: unknown } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = build(v, ctx);
    }
    return out;
  }
  return value;
}

/**
 * The stack settings of the module: an explicit environment (so ARNs are literal), no CDKMetadata
 * resource and no bootstrap version parameter or rule. `cdk import` deploys the stack's current
 * template plus the imported resources only (aws-cdk's ResourceImporter.currentTemplateWithAdditions),
 * so anything else in the template would show as a change in the next `cdk diff`.
 */
export function newStack(modules: Modules, app: cdk.App, name: string, account: string, region: string): cdk.Stack {
  return new modules.cdk.Stack(app, name, {
    env: { account, region },
    analyticsReporting: false,
    synthesizer: new modules.cdk.DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
  });
}

/** Runs one statement in a stack. */
export function execute(statement: Statement, ctx: BuildContext): Construct | undefined {
  if (statement.kind === 'const') {
    ctx.vars.set(statement.name, statement.value.make(ctx));
    return undefined;
  }
  const Class = ctx.im[statement.className] as unknown as new (scope: Construct, id: string, props: unknown) => Construct;
  const construct = new Class(ctx.stack, statement.id, build(statement.props, ctx));
  if (statement.name) {
    ctx.vars.set(statement.name, construct);
  }
  if (statement.retain) {
    (construct as unknown as cdk.Resource).applyRemovalPolicy(ctx.cdk.RemovalPolicy.RETAIN);
  }
  for (const [key, value] of Object.entries(statement.tags ?? {})) {
    ctx.cdk.Tags.of(construct).add(key, value);
  }
  return construct;
}

/** A reference to a construct or value defined earlier in the same stack function. */
export function ref(name: string): Expr {
  return new Expr(name, (ctx) => {
    if (!ctx.vars.has(name)) {
      throw new Error(`adopt: internal error: ${name} is used before it is defined`);
    }
    return ctx.vars.get(name);
  });
}
