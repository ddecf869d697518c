import { Duration, aws_iam as iam, aws_kms as kms } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { KEY_ALIAS_ACTIONS, KEY_POLICY_ACTIONS, KEY_VIA_SERVICES } from './private/actions';
import { ArnFormat, RemovalPolicy, Stack } from './private/core';
import { IncidentManagerValidationError } from './private/errors';
import { checkConstruct, checkInstance, checkList, checkRemovalPolicy, isDuration, requireProps } from './private/inputs';
import { checkSymmetricKey } from './private/keys';
import { checkString, isUnresolved } from './private/validate';

/**
 * Properties of an `IncidentManagerKey`.
 */
export interface IncidentManagerKeyProps {
  /**
   * An alias for the key, with or without the `alias/` prefix.
   *
   * @default - no alias
   */
  readonly alias?: string;

  /**
   * A description of the key.
   *
   * @default 'Encrypts AWS Systems Manager Incident Manager data'
   */
  readonly description?: string;

  /**
   * Principals that may administer the key (but not use it), in addition to the account.
   *
   * @default - only the account's IAM policies govern the key
   */
  readonly admins?: iam.IPrincipal[];

  /**
   * How long KMS waits before deleting the key once it is scheduled for deletion: 7 to 30 days.
   *
   * @default Duration.days(30)
   */
  readonly pendingWindow?: Duration;

  /**
   * What happens to the key when it leaves the stack. A deleted key makes every record it encrypted
   * unreadable.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A customer-managed KMS key that Incident Manager can use to encrypt a Region of the replication
 * set: rotation on, retained by default, and a key policy that lets Incident Manager create grants
 * and describe the key through ssm-incidents and ssm-contacts on behalf of this account only.
 *
 * The key is a `kms.Key`, so it can be given wherever an `IKey` is expected.
 *
 * @resource AWS::KMS::Key
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/data-protection.html
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * const key = new im.IncidentManagerKey(this, 'Key');
 * new im.ReplicationSet(this, 'ReplicationSet', {
 *   regions: [{ region: 'us-east-1', key }],
 * });
 */
export class IncidentManagerKey extends kms.Key {
  /**
   * Adds the statement Incident Manager needs to the key policy of a key defined in this app.
   *
   * The statement allows `kms:CreateGrant` and `kms:DescribeKey` to principals of the key's account
   * (`kms:CallerAccount`) when the call comes through Incident Manager in the key's Region
   * (`kms:ViaService` `ssm-incidents.<region>.amazonaws.com` or `ssm-contacts.<region>.amazonaws.com`:
   * KMS sets this key to the Regional endpoint of the calling service). The key must be a symmetric
   * encryption key. The policy of an imported key cannot be changed from CDK: add the statement where
   * that key is defined.
   */
  public static grantIncidentManager(key: kms.IKey): void {
    checkConstruct('IncidentManagerKey.grantIncidentManager', 'key', key, 'a KMS key (kms.Key, or one imported)', 'KEY');
    checkSymmetricKey(key, 'the key given to IncidentManagerKey.grantIncidentManager', key);
    const stack = Stack.of(key);
    const account = stack.account;
    const result = key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'Allow CreateGrant through AWS Systems Manager Incident Manager',
        principals: [new iam.AccountPrincipal(account)],
        actions: KEY_POLICY_ACTIONS,
        // In a key policy `*` is the key itself.
        resources: ['*'],
        conditions: {
          // The AWS KMS developer guide ("kms:ViaService"): the value is the Regional endpoint name of
          // the service, so the global name ssm-incidents.amazonaws.com would never match.
          StringEquals: {
            'kms:ViaService': KEY_VIA_SERVICES.map((service) => `${service}.${stack.region}.${stack.urlSuffix}`),
            'kms:CallerAccount': account,
          },
        },
      }),
      true,
    );
    if (!result.statementAdded) {
      throw new IncidentManagerValidationError(
        key,
        'the key given to IncidentManagerKey.grantIncidentManager',
        `an imported key (${key.keyArn})`,
        'be a key defined in this app; add the Incident Manager statement to an imported key where it is defined',
        'KEY',
      );
    }
  }

  constructor(scope: Construct, id: string, props: IncidentManagerKeyProps = {}) {
    checkKeyProps(scope.node.path ? `${scope.node.path}/${id}` : id, props);
    super(scope, id, {
      alias: props.alias,
      description: props.description ?? 'Encrypts AWS Systems Manager Incident Manager data',
      enableKeyRotation: true,
      admins: props.admins,
      pendingWindow: props.pendingWindow,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    IncidentManagerKey.grantIncidentManager(this);

    // kms.Key grants its admins the alias actions on the key alone, but the Service Authorization
    // Reference (AWS KMS) requires both the alias and the key resource for kms:CreateAlias,
    // kms:UpdateAlias and kms:DeleteAlias. Allowing them on the account's aliases in this Region, next
    // to the key-scoped statement, lets an admin manage aliases of this key only.
    const aliases = Stack.of(this).formatArn({ service: 'kms', resource: 'alias', resourceName: '*', arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    for (const admin of props.admins ?? []) {
      admin.addToPrincipalPolicy(new iam.PolicyStatement({ actions: KEY_ALIAS_ACTIONS, resources: [aliases] }));
    }
  }
}

/**
 * The key's props, checked before aws-cdk-lib sees them, so that the error names this construct:
 * an alias of 1 to 256 letters, digits and / _ - (AWS KMS API reference, CreateAlias: AliasName),
 * not in the alias/aws/ namespace AWS reserves; a description of up to 8,192 characters (CreateKey); a
 * pending window of 7 to 30 days (ScheduleKeyDeletion).
 */
function checkKeyProps(path: string, props: IncidentManagerKeyProps): void {
  requireProps(path, props, 'IncidentManagerKeyProps', 'INPUT');
  checkRemovalPolicy(path, 'removalPolicy', props.removalPolicy, 'KEY');
  checkList(path, 'admins', props.admins, 'KEY');
  const alias = props.alias;
  checkString(path, 'alias', alias, { code: 'KEY' });
  if (alias !== undefined && !isUnresolved(alias)) {
    const name = alias.startsWith('alias/') ? alias.slice('alias/'.length) : alias;
    checkString(path, 'alias', name, { pattern: /^[a-zA-Z0-9/_-]+$/, format: 'letters, digits and / _ - after alias/', min: 1, max: 250, code: 'KEY' });
    if (name.startsWith('aws/')) {
      throw new IncidentManagerValidationError(path, '`alias`', alias, 'not be in the alias/aws/ namespace, which AWS reserves for AWS managed keys', 'KEY');
    }
  }
  checkString(path, 'description', props.description, { max: 8192, code: 'KEY' });
  const window = props.pendingWindow;
  checkInstance(path, 'pendingWindow', window, isDuration, 'a Duration of whole days from 7 to 30, such as Duration.days(30)', 'KEY', false);
  if (window !== undefined && !window.isUnresolved()) {
    const days = window.toDays({ integral: false });
    if (!Number.isInteger(days) || days < 7 || days > 30) {
      throw new IncidentManagerValidationError(path, '`pendingWindow`', window.toHumanString(), 'be a whole number of days from 7 to 30', 'KEY');
    }
  }
}
