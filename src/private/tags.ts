import { IConstruct } from 'constructs';
import { CfnResource, TagManager, Token } from './core';
import { IncidentManagerValidationError } from './errors';

/*
 * Tags that reach a resource of this library, from the construct or from an organization-wide
 * `Tags.of(app).add(...)`, checked at synthesis against what the resource type accepts. Incident
 * Manager's types accept a narrower alphabet than most: a key such as `acme:cost-center` is refused
 * by AWS::SSMContacts::* at deploy time. The rules are those of each type's CloudFormation schema.
 */

interface TagRule {
  readonly key: RegExp;
  readonly keyFormat: string;
  readonly value?: RegExp;
  readonly valueFormat?: string;
  readonly minValue: number;
}

const CONTACTS: TagRule = {
  key: /^[\\/a-zA-Z0-9_+=-]{1,128}$/,
  keyFormat: '1 to 128 letters, digits and _ + = - \\ / (no : . or spaces)',
  value: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u,
  valueFormat: 'up to 256 letters, digits, spaces and _ . : / = + - @',
  minValue: 0,
};
const INCIDENTS: TagRule = {
  key: /^(?!aws:)[a-zA-Z+-=._:/]{1,128}$/,
  keyFormat: '1 to 128 letters, digits and _ . : / + - = (not starting with aws:)',
  minValue: 1,
};
const DOCUMENT: TagRule = {
  key: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u,
  keyFormat: '1 to 128 letters, digits, spaces and _ . : / = + - @',
  value: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,256}$/u,
  valueFormat: '1 to 256 letters, digits, spaces and _ . : / = + - @',
  minValue: 1,
};

const RULES: Record<string, TagRule> = {
  'AWS::SSMContacts::Contact': CONTACTS,
  'AWS::SSMContacts::Rotation': CONTACTS,
  'AWS::SSMIncidents::ResponsePlan': INCIDENTS,
  'AWS::SSMIncidents::ReplicationSet': INCIDENTS,
  'AWS::SSM::Document': DOCUMENT,
};

/** Checks, when the app is synthesized, the tags that reach `resource` (the L1 of `owner`). */
export function checkTagsAtSynth(owner: IConstruct, resource: CfnResource): void {
  const rule = RULES[resource.cfnResourceType];
  if (!rule) {
    return;
  }
  owner.node.addValidation({
    validate: () => {
      const tags = TagManager.of(resource)?.renderTags() as Array<{ key: string; value: string }> | undefined;
      for (const { key, value } of Array.isArray(tags) ? tags : []) {
        const where = `the tag ${JSON.stringify(key)} of ${resource.node.path} (${resource.cfnResourceType})`;
        if (!Token.isUnresolved(key) && !rule.key.test(key)) {
          throw new IncidentManagerValidationError(owner, `the key of ${where}`, key, `be ${rule.keyFormat}${HINT}`, 'TAGS');
        }
        if (Token.isUnresolved(value)) {
          continue;
        }
        const valueOk = rule.value ? rule.value.test(value) : value.length >= rule.minValue && value.length <= 256;
        if (!valueOk) {
          throw new IncidentManagerValidationError(
            owner,
            `the value of ${where}`,
            value,
            `be ${rule.valueFormat ?? `${rule.minValue} to 256 characters`}${HINT}`,
            'TAGS',
          );
        }
      }
      return [];
    },
  });
}

const HINT = '; a tag added with Tags.of(scope) reaches every resource below scope: leave this type out with `excludeResourceTypes`';
