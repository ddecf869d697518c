/*
 * An account's Incident Manager set-up as the APIs return it (the shapes of the SSM Contacts and SSM
 * Incidents API references, as the AWS SDK for JavaScript v3 types them).
 */
import type { ContactChannel, GetContactCommandOutput, Rotation, RotationShift } from '@aws-sdk/client-ssm-contacts';
import type { GetResponsePlanCommandOutput, ReplicationSet } from '@aws-sdk/client-ssm-incidents';

export type Tags = { [key: string]: string };

export interface ContactSnapshot {
  /** GetContact. */
  readonly contact: Omit<GetContactCommandOutput, '$metadata'>;
  /** ListContactChannels (personal contacts only). */
  readonly channels: ContactChannel[];
  /** ListTagsForResource. */
  readonly tags: Tags;
}

export interface RotationSnapshot {
  /** ListRotations. */
  readonly rotation: Rotation;
  /** ListTagsForResource. */
  readonly tags: Tags;
  /** ListPreviewRotationShifts of the rotation's definition over [from, to), when asked for. */
  readonly preview?: { readonly from: Date; readonly to: Date; readonly shifts: RotationShift[] };
}

export interface ResponsePlanSnapshot {
  /** GetResponsePlan. */
  readonly plan: Omit<GetResponsePlanCommandOutput, '$metadata'>;
  /** ListTagsForResource. */
  readonly tags: Tags;
}

export interface ReplicationSetSnapshot {
  /** GetReplicationSet. */
  readonly replicationSet: ReplicationSet;
  /** ListTagsForResource. */
  readonly tags: Tags;
}

export interface AccountSnapshot {
  readonly region: string;
  readonly replicationSet?: ReplicationSetSnapshot;
  readonly contacts: ContactSnapshot[];
  readonly rotations: RotationSnapshot[];
  readonly responsePlans: ResponsePlanSnapshot[];
}

/** The ARNs the APIs returned for the set-up's resources. */
function arnsOf(snapshot: AccountSnapshot): string[] {
  return [
    snapshot.replicationSet?.replicationSet.arn,
    ...snapshot.contacts.map((c) => c.contact.ContactArn),
    ...snapshot.rotations.map((r) => r.rotation.RotationArn),
    ...snapshot.responsePlans.map((p) => p.plan.arn),
  ].filter((arn): arn is string => typeof arn === 'string');
}

/** The account of the set-up, from the ARNs the APIs returned; undefined when there is none. */
export function accountOfSnapshot(snapshot: AccountSnapshot): string | undefined {
  return arnsOf(snapshot).map((arn) => arn.split(':')[4]).find((account) => /^\d{12}$/.test(account ?? ''));
}

/** The partition of the set-up's ARNs (aws when there is none). */
export function partitionOfSnapshot(snapshot: AccountSnapshot): string {
  return arnsOf(snapshot)[0]?.split(':')[1] ?? 'aws';
}
