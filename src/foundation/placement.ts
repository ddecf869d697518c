import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EntryPath } from './entry-path';
import { IContact } from '../contact-base';
import { CONTACT, formatArn } from '../private/arns';
import { contactTypeOf } from '../private/contacts';
import { Resource, Stack, Token } from '../private/core';
import { LimitedNestedStack } from '../private/stack-limits';

/*
 * Where the foundation puts each entry, and how entries refer to each other across stacks.
 *
 * Without nested stacks, everything is in the foundation's own stack. With nested stacks, an entry goes
 * into the nested stack of its group: the group the entry names, or the default group of its kind.
 * Placement depends on the entry alone, never on its position or on other entries, so that people
 * joining, leaving or moving between teams replaces nothing but themselves.
 */

type EntryKind = 'contacts' | 'schedules' | 'escalationPlans' | 'responsePlans';

/**
 * The default group of each kind: the first nested stack earlier versions of this library created for
 * it, so that foundations deployed with them keep those entries in place.
 */
const DEFAULT_GROUPS: Record<EntryKind, string> = {
  contacts: 'Contacts1',
  schedules: 'Schedules1',
  escalationPlans: 'EscalationPlans1',
  responsePlans: 'ResponsePlans1',
};

/** A group names a nested stack (a construct id); these ids are the foundation's own children. */
const RESERVED = new Set(['Key', 'ReplicationSet', 'ChatChannel', 'Share', 'AnalysisTemplate']);
const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

export class Placement {
  private readonly groups = new Map<string, Construct>();
  private readonly byAlias = new Map<string, IContact>();
  private readonly arnReferences = new Map<string, IContact>();
  private warnedAboutGroups = false;

  constructor(private readonly owner: Construct, private readonly nested: boolean) {}

  /** The scope the entry `at` of `kind` goes into: the foundation itself, or its group's nested stack. */
  public scopeFor(kind: EntryKind, group: string | undefined, at: EntryPath): Construct {
    if (!this.nested) {
      if (group !== undefined && !this.warnedAboutGroups) {
        this.warnedAboutGroups = true;
        Annotations.of(this.owner).addWarningV2(
          'cdk-incident-manager:Foundation.groupWithoutNestedStacks',
          `${at.path} names the group "${group}", but groups place entries only with \`nestedStacks: true\`: every entry is in the foundation's stack.`,
        );
      }
      return this.owner;
    }
    const name = this.groupName(kind, group, at);
    let stack = this.groups.get(name);
    if (!stack) {
      stack = new LimitedNestedStack(this.owner, name, howToSplitGroup(name));
      this.groups.set(name, stack);
    }
    return stack;
  }

  /**
   * Records an alias, given by `prop` of the entry `at` (by the entry itself when undefined), or throws
   * when another entry (or an existing contact) has it.
   */
  public register(alias: string, contact: IContact, at: EntryPath, prop: string | undefined): void {
    this.checkAliasFree(alias, at, prop);
    this.byAlias.set(alias, contact);
  }

  public checkAliasFree(alias: string, at: EntryPath, prop: string | undefined): void {
    if (this.byAlias.has(alias)) {
      at.fail(prop, alias, 'use an alias no other contact, schedule or plan of the foundation uses', 'CONTACT_ALIAS_UNIQUE');
    }
  }

  /** The contact with `alias`, or undefined. */
  public find(alias: string): IContact | undefined {
    return this.byAlias.get(alias);
  }

  /** Every alias known (of people only, with `personalOnly`), for error messages. */
  public aliases(personalOnly = false): string[] {
    return [...this.byAlias.entries()].filter(([, contact]) => !personalOnly || isPerson(contact)).map(([alias]) => alias);
  }

  /**
   * The contact with `alias`, for use in `scope`. In one stack that is the contact itself. Across
   * stacks it is a reference whose ARN is built from the alias (contact ARNs are deterministic), so
   * that no stack outputs are needed; the contact is then added to `dependencies` and the caller makes
   * the consumer depend on it explicitly. `prop` of the entry `at` names the alias.
   */
  public reference(alias: string, at: EntryPath, prop: string, scope: Construct, dependencies: IContact[], personalOnly = false): IContact {
    const target = this.byAlias.get(alias);
    if (!target || (personalOnly && !isPerson(target))) {
      at.fail(
        prop,
        alias,
        `name ${personalOnly ? 'a person' : 'a contact, on-call schedule or escalation plan'} defined before it (known: ${this.aliases(personalOnly).join(', ') || 'none'})`,
      );
    }
    if (!this.nested || !Resource.isOwnedResource(target) || Stack.of(target) === Stack.of(scope)) {
      return target;
    }
    dependencies.push(target);
    const key = `${Stack.of(scope).node.addr}/${alias}`;
    let reference = this.arnReferences.get(key);
    if (!reference) {
      // A plain object, not a construct: thousands of references cost no constructs in the tree.
      reference = {
        contactArn: formatArn(scope, CONTACT, alias),
        contactAlias: alias,
        node: target.node,
        stack: Stack.of(scope),
        env: target.env,
        applyRemovalPolicy: () => undefined,
        grantEngage: (grantee) => target.grantEngage(grantee),
      };
      this.arnReferences.set(key, reference);
    }
    return reference;
  }

  private groupName(kind: EntryKind, group: string | undefined, at: EntryPath): string {
    if (group === undefined) {
      return DEFAULT_GROUPS[kind];
    }
    if (Token.isUnresolved(group)) {
      // A group is a layout decision of this app, not a value CloudFormation resolves.
      Annotations.of(this.owner).addWarningV2(
        'cdk-incident-manager:Foundation.tokenGroup',
        `${at.path} names its group with a value only known at deploy time; it goes into the default group ${DEFAULT_GROUPS[kind]}.`,
      );
      return DEFAULT_GROUPS[kind];
    }
    if (!GROUP_NAME.test(group) || RESERVED.has(group)) {
      at.fail('group', group, `be 1 to 64 letters, digits and -, starting with a letter or digit, and not one of ${[...RESERVED].join(', ')} (it names a nested stack)`);
    }
    return group;
  }
}

/**
 * Whether a contact takes shifts: a person defined in this app. An imported contact may be anything, so
 * the foundation does not put it on call.
 */
function isPerson(contact: IContact): boolean {
  return contactTypeOf(contact) === 'PERSONAL';
}

/** What the quota error of a group's nested stack says to do. */
function howToSplitGroup(group: string): string {
  return `the nested stack of group "${group}" is too big: move some of its entries to another \`group\` (each group is a nested stack of its own)`;
}

/** What the quota error of the foundation's own stack says to do. */
export const HOW_TO_SPLIT =
  'set `nestedStacks: true` on the IncidentManagerFoundation and give entries a `group` (a team, say) to spread them over nested stacks, or move other resources to another stack';
