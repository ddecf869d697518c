import { Annotations, IResource, aws_kms as kms, aws_ssmincidents as ssmincidents } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { REPLICATION_SET, formatArn, importPath, parseArn } from './private/arns';
import { Arn, ArnFormat, Lazy, RemovalPolicy, Resource, Token } from './private/core';
import { IncidentManagerValidationError } from './private/errors';
import { checkBoolean, checkConstruct, checkList, checkMap, checkRemovalPolicy, requireGiven, requireProps } from './private/inputs';
import { checkSymmetricKey } from './private/keys';
import { applyRemovalPolicy } from './private/removal';
import { otherReplicationSetOf, registerReplicationSet } from './private/replication-regions';
import { dependOnReplicationSet } from './private/replication-set-dependency';
import { checkTagsAtSynth } from './private/tags';
import { REGION_NAME, checkCount, checkString, firstDuplicate } from './private/validate';

/**
 * The account's Incident Manager replication set, defined here or imported.
 */
export interface IReplicationSet extends IResource {
  /**
   * The ARN of the replication set.
   * @attribute
   */
  readonly replicationSetArn: string;

  /**
   * The Regions of the replication set, when they are known (always for a replication set defined in
   * this app). Incident Manager resources can be created only in these Regions.
   */
  readonly replicationRegions?: string[];
}

/**
 * The replication set a construct's Incident Manager resource needs.
 */
export interface ReplicationSetOptions {
  /**
   * The account's replication set. Incident Manager creates nothing before it exists, and only in its
   * Regions: the construct waits for a replication set defined in this app (also in another stack) and
   * checks that its Region is one of the set's, when they are known.
   *
   * @default - the replication set of the account defined in this app, if there is one; otherwise the
   * account's existing one (nothing to wait for)
   */
  readonly replicationSet?: IReplicationSet;
}

/**
 * One Region of a replication set.
 */
export interface ReplicationRegion {
  /**
   * The Region name, for example `us-east-1`.
   */
  readonly region: string;

  /**
   * The customer-managed KMS key that encrypts Incident Manager data in this Region.
   *
   * The key must be in this Region. For the stack's own Region use an `IncidentManagerKey` (or a
   * `kms.Key` prepared with `IncidentManagerKey.grantIncidentManager`); for another Region import
   * the key by ARN (`kms.Key.fromKeyArn`). Either every Region has a key or none has.
   *
   * @default - Incident Manager encrypts the Region's data with an AWS owned key
   */
  readonly key?: kms.IKey;
}

/**
 * Properties of a `ReplicationSet`.
 */
export interface ReplicationSetProps {
  /**
   * The Regions Incident Manager replicates its data to: 1 to 3, all different.
   *
   * A single Region works, but incidents cannot be created during a failure of that Region.
   */
  readonly regions: ReplicationRegion[];

  /**
   * Whether Incident Manager refuses to delete the last Region of the replication set.
   *
   * @default true
   */
  readonly deletionProtection?: boolean;

  /**
   * What happens to the replication set when it leaves the stack. Deleting it deletes every response
   * plan, contact, engagement and incident record of the account. `RemovalPolicy.DESTROY` needs
   * `deletionProtection: false`: with deletion protection on, the delete fails.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * Attributes of a replication set that exists already.
 */
export interface ReplicationSetAttributes {
  /**
   * The ARN of the replication set (`arn:<partition>:ssm-incidents::<account>:replication-set/<id>`).
   */
  readonly replicationSetArn: string;

  /**
   * The Regions of the replication set, so that constructs can check they are in one of them.
   *
   * @default - not known: not checked
   */
  readonly replicationRegions?: string[];
}

/**
 * What is known of an account's existing replication set without its ARN.
 */
export interface ExistingReplicationSetOptions {
  /**
   * The Regions of the replication set, so that constructs can check they are in one of them.
   *
   * @default - not known: not checked
   */
  readonly replicationRegions?: string[];
}

const MAX_REGIONS = 3;

/**
 * The Incident Manager replication set: the Regions Incident Manager keeps its data in, and the keys
 * that encrypt it. An account has exactly one, and every other Incident Manager resource needs it.
 *
 * Every Incident Manager resource (AWS::SSMIncidents::* and AWS::SSMContacts::*) in the same stack,
 * defined before or after the replication set, depends on it, so CloudFormation creates it first.
 *
 * How a replication set can change once it exists (user guide, "Cross-Region incident management",
 * and the `AWS::SSMIncidents::ReplicationSet` resource): the key of a Region cannot change after the
 * Region is added; Regions are added or removed one at a time, one change per deployment; a Region can
 * be removed only 24 hours after it was added; and the last Region cannot be removed while deletion
 * protection is on.
 *
 * @resource AWS::SSMIncidents::ReplicationSet
 * @see https://docs.aws.amazon.com/incident-manager/latest/userguide/replication.html
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * // The account's replication set already exists (every account that can still use Incident Manager
 * // has one): refer to it.
 * const existing = im.ReplicationSet.fromAccount(this, 'ReplicationSet', { replicationRegions: ['us-east-1', 'us-west-2'] });
 * new im.Contact(this, 'Alice', { alias: 'alice', displayName: 'Alice', replicationSet: existing });
 */
export class ReplicationSet extends Resource implements IReplicationSet {
  /**
   * Imports the account's existing replication set by ARN.
   */
  public static fromReplicationSetArn(scope: Construct, id: string, replicationSetArn: string): IReplicationSet {
    return ReplicationSet.fromReplicationSetAttributes(scope, id, { replicationSetArn });
  }

  /**
   * Imports the account's existing replication set.
   */
  public static fromReplicationSetAttributes(scope: Construct, id: string, attrs: ReplicationSetAttributes): IReplicationSet {
    requireGiven(importPath(scope, id), 'attrs', attrs, 'the replication set\'s attributes, with replicationSetArn', 'ARN');
    checkList(importPath(scope, id), 'replicationRegions', attrs.replicationRegions, 'REPLICATION_SET_REGIONS');
    parseArn(importPath(scope, id), REPLICATION_SET, attrs.replicationSetArn, 'replicationSetArn');
    class Import extends Resource implements IReplicationSet {
      public readonly replicationSetArn = attrs.replicationSetArn;
      public readonly replicationRegions = attrs.replicationRegions;
    }
    return new Import(scope, id, { environmentFromArn: attrs.replicationSetArn });
  }

  /**
   * The existing replication set of the stack's account, known by account alone: every account that
   * can still use Incident Manager has one (usually created in the console), and nothing this library
   * defines needs its ARN. Reading `replicationSetArn` of the result fails synthesis with a message
   * saying to import by ARN instead.
   */
  public static fromAccount(scope: Construct, id: string, options: ExistingReplicationSetOptions = {}): IReplicationSet {
    const path = importPath(scope, id);
    checkMap(path, 'options', options, 'REPLICATION_SET_REGIONS', 'an object such as { replicationRegions: [\'us-east-1\'] }');
    checkList(path, 'replicationRegions', options?.replicationRegions, 'REPLICATION_SET_REGIONS');
    class Existing extends Resource implements IReplicationSet {
      public readonly replicationRegions = options?.replicationRegions;
      public readonly replicationSetArn = Lazy.string({
        produce: () => {
          throw new IncidentManagerValidationError(
            path,
            'the ARN of a replication set imported with ReplicationSet.fromAccount',
            'used in the app',
            'be given: import the replication set with ReplicationSet.fromReplicationSetArn when its ARN is needed (the console shows it under Incident Manager settings)',
            'ARN',
          );
        },
      });
    }
    return new Existing(scope, id);
  }

  /**
   * The ARN of an account's replication set, built from its ID (the last part of its ARN).
   *
   * Useful when the replication set was created outside this app, for example by the console's
   * "Get prepared" wizard.
   */
  public static arnForReplicationSetId(scope: IConstruct, replicationSetId: string): string {
    checkString(scope.node.path, 'replicationSetId', replicationSetId, { min: 1, code: 'ARN', required: true });
    return formatArn(scope, REPLICATION_SET, replicationSetId);
  }

  /** @attribute */
  public readonly replicationSetArn: string;

  /** The Regions of this replication set, as given. */
  public readonly regions: ReplicationRegion[];
  /** The names of the Regions of this replication set. */
  public readonly replicationRegions?: string[];

  constructor(scope: Construct, id: string, props: ReplicationSetProps) {
    super(scope, id);
    requireProps(this, props, 'ReplicationSetProps (regions)', 'INPUT');
    checkRemovalPolicy(this, 'removalPolicy', props.removalPolicy, 'REPLICATION_SET_REMOVAL');
    checkBoolean(this, 'deletionProtection', props.deletionProtection, 'REPLICATION_SET_REMOVAL');
    this.checkOnlyOneInStack();
    this.checkRegions(props.regions);
    this.regions = [...props.regions];
    this.replicationRegions = props.regions.map((r) => r.region);
    const deletionProtection = props.deletionProtection ?? true;
    if (props.removalPolicy === RemovalPolicy.DESTROY && deletionProtection) {
      throw new IncidentManagerValidationError(
        this,
        '`removalPolicy`',
        'RemovalPolicy.DESTROY with deletion protection on',
        'be RemovalPolicy.RETAIN (the default) unless `deletionProtection` is false: Incident Manager refuses to delete a protected replication set, so the deletion would fail',
        'REPLICATION_SET_REMOVAL',
      );
    }

    const resource = new ssmincidents.CfnReplicationSet(this, 'Resource', {
      regions: props.regions.map((r) => ({
        regionName: r.region,
        regionConfiguration: r.key ? { sseKmsKeyId: r.key.keyArn } : undefined,
      })),
      deletionProtected: deletionProtection,
    });
    applyRemovalPolicy(this, resource, props.removalPolicy);
    checkTagsAtSynth(this, resource);
    this.replicationSetArn = resource.attrArn;

    dependOnReplicationSet(resource);
    registerReplicationSet(this, this.replicationRegions!);
  }

  /**
   * An account has one replication set, whatever its Regions: a second one in this app for the same
   * account (in any stack or Region), or in the same stack when accounts are not known, is an error.
   */
  private checkOnlyOneInStack(): void {
    const other = otherReplicationSetOf(this);
    if (other) {
      throw new IncidentManagerValidationError(
        this,
        'an account',
        `a second replication set; the first is ${other}`,
        'have one replication set (in every stack and Region of the app): import the existing one with ReplicationSet.fromReplicationSetArn',
        'REPLICATION_SET_SINGLETON',
      );
    }
  }

  private checkRegions(regions: ReplicationRegion[]): void {
    checkCount(this, 'regions', regions, 1, MAX_REGIONS, 'Regions', 'REPLICATION_SET_REGIONS');
    regions.forEach((r, i) => {
      requireGiven(this, `regions[${i}]`, r, 'a Region configuration such as { region: \'us-east-1\' }', 'REPLICATION_SET_REGIONS');
      checkString(this, `regions[${i}].region`, r.region, { pattern: REGION_NAME, format: 'a Region name such as us-east-1', max: 20, code: 'REPLICATION_SET_REGIONS', required: true });
      checkConstruct(this, `regions[${i}].key`, r.key, 'a KMS key', 'REPLICATION_SET_KEYS', false);
    });
    const duplicate = firstDuplicate(regions.map((r) => r.region));
    if (duplicate) {
      throw new IncidentManagerValidationError(this, '`regions`', regions.map((r) => r.region), `name each Region once ("${duplicate}" appears twice)`, 'REPLICATION_SET_REGIONS');
    }

    const withKey = regions.filter((r) => r.key).map((r) => r.region);
    if (withKey.length > 0 && withKey.length < regions.length) {
      throw new IncidentManagerValidationError(
        this,
        '`regions`',
        `keys for ${withKey.join(', ')} only`,
        'use a customer-managed key in every Region or in none (Incident Manager refuses a mix of AWS owned and customer-managed keys)',
        'REPLICATION_SET_KEYS',
      );
    }
    for (const r of regions) {
      if (r.key) {
        this.checkKeyRegion(r.region, r.key);
        checkSymmetricKey(this, `the key for Region ${r.region}`, r.key);
      }
    }

    if (regions.length === 1) {
      Annotations.of(this).addWarningV2(
        'cdk-incident-manager:ReplicationSet.singleRegion',
        `The replication set has one Region (${regions[0].region}): incidents cannot be created while that Region fails. Add a second Region.`,
      );
    }
  }

  private checkKeyRegion(region: string, key: kms.IKey): void {
    const keyRegion = keyRegionOf(key);
    if (keyRegion === undefined || Token.isUnresolved(keyRegion) || Token.isUnresolved(region)) {
      return;
    }
    if (keyRegion !== region) {
      throw new IncidentManagerValidationError(
        this,
        `the key for Region ${region}`,
        `a key in ${keyRegion} (${key.node.path})`,
        `be in ${region}; for a Region other than the stack's own, import that Region's key with kms.Key.fromKeyArn`,
        'REPLICATION_SET_KEYS',
      );
    }
  }
}

/** The Region a key lives in, from its ARN when that is known, else from the stack it belongs to. */
function keyRegionOf(key: kms.IKey): string | undefined {
  if (!Token.isUnresolved(key.keyArn)) {
    return Arn.split(key.keyArn, ArnFormat.SLASH_RESOURCE_NAME).region;
  }
  return key.env.region;
}

