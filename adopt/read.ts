/*
 * Reads an account's Incident Manager set-up with read-only calls, one reader per kind of resource
 * (readers.ts), and says which identity policy that takes.
 */
import type { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import type { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { ReadStatistics, Readers, counted, readContacts, readReplicationSet, readResponsePlans, readRotations } from './readers';
import { AccountSnapshot } from './snapshot';

export type { ReadStatistics } from './readers';
export { mapLimit } from './readers';

/**
 * The identity policy `readAccount` needs: the list actions take no resource (Service Authorization
 * Reference, Incident Manager and Incident Manager Contacts), so `*`; every other action is scoped to
 * the resource types it requires, in the account (and, for contacts, the Region).
 */
export function readPolicy(account: string, region: string, partition = 'aws'): { Version: string; Statement: object[] } {
  const contacts = `arn:${partition}:ssm-contacts:${region}:${account}`;
  const incidents = `arn:${partition}:ssm-incidents::${account}`;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'List',
        Effect: 'Allow',
        Action: [
          'ssm-contacts:ListContacts',
          'ssm-contacts:ListRotations',
          'ssm-contacts:ListPreviewRotationShifts',
          'ssm-incidents:ListReplicationSets',
          'ssm-incidents:ListResponsePlans',
        ],
        Resource: '*',
      },
      {
        Sid: 'ReadContacts',
        Effect: 'Allow',
        Action: ['ssm-contacts:GetContact', 'ssm-contacts:ListContactChannels', 'ssm-contacts:ListTagsForResource'],
        Resource: `${contacts}:contact/*`,
      },
      { Sid: 'ReadRotationTags', Effect: 'Allow', Action: 'ssm-contacts:ListTagsForResource', Resource: `${contacts}:rotation/*` },
      {
        Sid: 'ReadIncidentManager',
        Effect: 'Allow',
        Action: ['ssm-incidents:GetReplicationSet', 'ssm-incidents:GetResponsePlan', 'ssm-incidents:ListTagsForResource'],
        Resource: [`${incidents}:replication-set/*`, `${incidents}:response-plan/*`],
      },
    ],
  };
}

export interface ReadOptions {
  readonly contacts: SSMContactsClient;
  readonly incidents: SSMIncidentsClient;
  readonly region: string;
  /** Requests under way at once. */
  readonly concurrency: number;
  /** Called as reading goes on. */
  readonly progress?: (message: string) => void;
  /**
   * Weeks of each rotation's shifts to ask AWS for (ListPreviewRotationShifts, from `now`), so that
   * the report compares them with the library's computation. 0 asks for none.
   */
  readonly previewWeeks?: number;
  /** Where the previewed weeks start. */
  readonly now?: Date;
}

/** Reads the account. */
export async function readAccount(options: ReadOptions, stats: ReadStatistics = { calls: 0, attempts: 0 }): Promise<AccountSnapshot> {
  const progress = options.progress ?? (() => undefined);
  const readers: Readers = {
    contacts: counted(options.contacts, stats),
    incidents: counted(options.incidents, stats),
    concurrency: options.concurrency,
    progress,
  };
  const replicationSet = await readReplicationSet(readers);
  progress(`replication set: ${replicationSet ? Object.keys(replicationSet.replicationSet.regionMap ?? {}).join(', ') : 'none'}`);
  const contacts = await readContacts(readers);
  const rotations = await readRotations(readers, options.previewWeeks ?? 0, options.now ?? new Date());
  progress(`rotations: ${rotations.length} read`);
  const responsePlans = await readResponsePlans(readers);
  progress(`response plans: ${responsePlans.length} read`);
  return { region: options.region, replicationSet, contacts, rotations, responsePlans };
}
