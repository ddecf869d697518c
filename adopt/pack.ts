/*
 * Stack packing: the planned entries go into top-level stacks of their kind, each filled in order up
 * to the resource limit. An entry is planned into a draft, checked, and committed only when it can be
 * expressed; a draft that is not committed leaves the stacks as they were.
 */
import type { App } from 'aws-cdk-lib';
import { ConstStatement, Modules, NewStatement, StackPlan, Statement, execute, newStack, render } from './ir';

/** An entry that the module cannot express: it is left out, with this message as the reason. */
export class NotExpressible extends Error {}

/** CloudFormation's quota of resources in one stack ("AWS CloudFormation quotas"). */
const CFN_MAX_RESOURCES = 500;

const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await stack app env im iam kms sns secretsmanager Duration Tags TimeZone Stack App'.split(
    ' ',
  ),
);

/** Unique variable names in one stack function. */
export class Names {
  constructor(private readonly used = new Set<string>()) {}

  public take(hint: string): string {
    const words = hint.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
    let base =
      words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('') || 'value';
    if (/^[0-9]/.test(base)) base = `_${base}`;
    let name = RESERVED.has(base) ? `${base}_` : base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }

  /** A copy that takes names of its own. */
  public fork(): Names {
    return new Names(new Set(this.used));
  }
}

/** What an entry adds to one stack, as the mapping of a resource writes it. */
export interface StackDraft {
  readonly names: Names;
  /** Adds statements at the end of the stack. */
  push(...statements: Statement[]): void;
  /** Adds a constant before every construct of the stack, so that every construct may use it. */
  addImport(statement: ConstStatement): void;
  /** The name of the constant that imports `arn` in the stack (committed or drafted). */
  importOf(arn: string): string | undefined;
}

export interface PackOptions {
  /** The most resources a stack holds. */
  readonly maxResourcesPerStack: number;
  /** The stacks' name prefix. */
  readonly stackPrefix: string;
}

interface PackedStack {
  readonly plan: StackPlan & { statements: Statement[] };
  names: Names;
  size: number;
}

/** A stack an entry would start: its name, function, description and number among the stacks of its kind. */
interface NewStack {
  readonly name: string;
  readonly functionName: string;
  readonly description: string;
  readonly number: number;
}

type Operation = { readonly import: boolean; readonly statement: Statement };

/** An entry's statements for one stack: an existing stack of the kind, or a new one. */
class StackEntry implements StackDraft {
  public readonly ops: Operation[] = [];
  public size = 0;

  constructor(
    public readonly kind: string,
    public readonly target: PackedStack | NewStack,
    public readonly names: Names,
  ) {}

  public push(...statements: Statement[]): void {
    this.ops.push(...statements.map((statement) => ({ import: false, statement })));
  }

  public addImport(statement: ConstStatement): void {
    this.ops.push({ import: true, statement });
  }

  public importOf(arn: string): string | undefined {
    const committed = 'plan' in this.target ? this.target.plan.statements : [];
    const imports = (statements: Statement[]) => statements.find((s): s is ConstStatement => s.kind === 'const' && s.arn === arn);
    return (imports(committed) ?? imports(this.ops.map((op) => op.statement)))?.name;
  }

  /** The stack's statements as they will be once committed. */
  public statements(): Statement[] {
    const statements = 'plan' in this.target ? [...this.target.plan.statements] : [];
    replay(this.ops, statements);
    return statements;
  }

  /** The constructs the entry adds. */
  public added(): NewStatement[] {
    return this.ops.filter((op) => !op.import && op.statement.kind === 'new').map((op) => op.statement as NewStatement);
  }

  public get stackName(): string {
    return 'plan' in this.target ? this.target.plan.name : this.target.name;
  }
}

/** Applies an entry's operations to a stack's statements: imports before the first construct. */
function replay(ops: Operation[], statements: Statement[]): void {
  for (const op of ops) {
    if (op.import) {
      const firstNew = statements.findIndex((s) => s.kind === 'new');
      statements.splice(firstNew < 0 ? statements.length : firstNew, 0, op.statement);
    } else {
      statements.push(op.statement);
    }
  }
}

/** What one entry adds to the stacks, until it is committed. */
export class Draft {
  private readonly entries = new Map<string, StackEntry>();

  constructor(private readonly packer: StackPacker) {}

  /**
   * The stack of `kind` that takes the entry's `resources`: the current one, or a new one when it is
   * full. An entry's resources of one kind reference each other, so they all go into one stack.
   */
  public stack(kind: string, resources: number, description: string): StackDraft {
    // An entry larger than --max-resources-per-stack gets a stack of its own; only CloudFormation's
    // quota (500 resources a stack, which imports share) can leave it out.
    if (resources > CFN_MAX_RESOURCES) {
      throw new NotExpressible(
        `it has ${resources} resources, more than CloudFormation's ${CFN_MAX_RESOURCES} resources a stack (CloudFormation quotas), and its resources reference each other within one stack`,
      );
    }
    let entry = this.entries.get(kind);
    if (!entry) {
      entry = this.packer.entryFor(kind, resources, description);
      this.entries.set(kind, entry);
    }
    entry.size += resources;
    return entry;
  }

  /** The stacks the entry adds to. */
  public stacks(): StackEntry[] {
    return [...this.entries.values()];
  }
}

/** Stacks of each kind, filled in order up to the resource limit. */
export class StackPacker {
  private readonly stacks: PackedStack[] = [];
  private readonly current = new Map<string, PackedStack>();
  private readonly counts = new Map<string, number>();
  private scratchApp?: App;

  constructor(private readonly options: PackOptions) {}

  /** A draft of one entry. */
  public draft(): Draft {
    return new Draft(this);
  }

  /** Where an entry of `kind` with `resources` goes: the current stack of the kind, or a new one. */
  public entryFor(kind: string, resources: number, description: string): StackEntry {
    const current = this.current.get(kind);
    if (current && current.size + resources <= this.options.maxResourcesPerStack) {
      return new StackEntry(kind, current, current.names.fork());
    }
    const n = (this.counts.get(kind) ?? 0) + 1;
    const suffix = kind === 'ReplicationSet' ? '' : String(n);
    const target = { name: `${this.options.stackPrefix}${kind}${suffix}`, functionName: lowerFirst(`${kind}${suffix}`), description, number: n };
    return new StackEntry(kind, target, new Names());
  }

  /** Adds what the draft holds to the stacks. */
  public commit(draft: Draft): void {
    for (const entry of draft.stacks()) {
      let stack: PackedStack;
      if ('plan' in entry.target) {
        stack = entry.target;
      } else {
        const { name, functionName, description, number } = entry.target;
        stack = { plan: { name, functionName, description, statements: [] }, names: entry.names, size: 0 };
        this.stacks.push(stack);
        this.current.set(entry.kind, stack);
        this.counts.set(entry.kind, number);
      }
      replay(entry.ops, stack.plan.statements);
      stack.names = entry.names;
      stack.size += entry.size;
    }
  }

  /**
   * Builds what the draft adds in scratch stacks (with the constants of its stack it uses), and turns
   * the library's validation errors into NotExpressible.
   */
  public validate(draft: Draft, modules: Modules, account: string, region: string): void {
    for (const entry of draft.stacks()) {
      const added = entry.added();
      if (added.length === 0) continue;
      // One scratch app for every entry (an App is costly to create); each entry's stack is removed after.
      this.scratchApp ??= new modules.cdk.App();
      const scratch = newStack(modules, this.scratchApp, entry.stackName, account, region);
      const ctx = { ...modules, stack: scratch, vars: new Map<string, unknown>() };
      // Only the constants the entry's statements name (its channels, the contacts it imports).
      const code = added.map((st) => render(st.props)).join('\n');
      const used = entry.statements().filter((st) => st.kind === 'const' && new RegExp(`\\b${st.name}\\b`).test(code));
      try {
        used.forEach((st) => execute(st, ctx));
        added.forEach((st) => execute(st, ctx));
      } catch (e) {
        if (modules.im.IncidentManagerErrors.isValidationError(e)) {
          throw new NotExpressible(`the library refuses it: ${(e as Error).message}`);
        }
        throw e;
      } finally {
        this.scratchApp.node.tryRemoveChild(entry.stackName);
      }
    }
  }

  public all(): StackPlan[] {
    return this.stacks.map(({ plan }) => ({
      name: plan.name,
      functionName: plan.functionName,
      description: plan.description,
      statements: plan.statements,
    }));
  }
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
