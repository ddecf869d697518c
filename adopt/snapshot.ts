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
