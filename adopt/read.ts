/*
 * Reads an account's Incident Manager set-up with read-only calls. Calls per resource are the fewest
 * the APIs allow: ListRotations returns whole rotations; a contact needs GetContact (its plan) and
 * ListTagsForResource, a personal contact ListContactChannels too; a response plan GetResponsePlan and
 * ListTagsForResource. Lists ask for the largest page each API takes.
 */
import {
  ContactChannel,
  GetContactCommand,
  ListContactChannelsCommand,
  ListContactsCommand,
  ListPreviewRotationShiftsCommand,
  ListRotationsCommand,
  ListTagsForResourceCommand,
  Rotation,
  RotationShift,
  SSMContactsClient,
} from '@aws-sdk/client-ssm-contacts';
import {
  GetReplicationSetCommand,
  GetResponsePlanCommand,
  ListReplicationSetsCommand,
  ListResponsePlansCommand,
  ListTagsForResourceCommand as ListIncidentTagsCommand,
  SSMIncidentsClient,
} from '@aws-sdk/client-ssm-incidents';
import { AccountSnapshot, ContactSnapshot, ReplicationSetSnapshot, ResponsePlanSnapshot, RotationSnapshot, Tags } from './snapshot';

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

export interface ReadStatistics {
  /** API calls made (each may take several attempts). */
  calls: number;
  /** Attempts, retries of throttled or failed calls included (the SDK's $metadata.attempts). */
  attempts: number;
}

/** Reads the account. */
export async function readAccount(options: ReadOptions, stats: ReadStatistics = { calls: 0, attempts: 0 }): Promise<AccountSnapshot> {
  const { contacts: ssmContacts, incidents } = options;
  const progress = options.progress ?? (() => undefined);
  const send = async <T>(client: { send(command: any): Promise<any> }, command: unknown): Promise<T> => {
    stats.calls++;
    const output = await client.send(command);
    stats.attempts += output?.$metadata?.attempts ?? 1;
    return output as T;
  };

  /** Every item of a paginated list: `page(token)` fetches a page and returns its items and the next token. */
  const all = async <T>(page: (token?: string) => Promise<[T[] | undefined, string | undefined]>): Promise<T[]> => {
    const items: T[] = [];
    let token: string | undefined;
    do {
      const [got, next] = await page(token);
      items.push(...(got ?? []));
      token = next;
    } while (token);
    return items;
  };

  // Replication set: one per account (ListReplicationSets), then its Regions and keys.
  let replicationSet: ReplicationSetSnapshot | undefined;
  const setArns = await all<string>(async (nextToken) => {
    const page: { replicationSetArns?: string[]; nextToken?: string } = await send(
      incidents,
      new ListReplicationSetsCommand({ maxResults: 100, nextToken }),
    );
    return [page.replicationSetArns, page.nextToken];
  });
  if (setArns.length > 0) {
    const output = await send<{ replicationSet: ReplicationSetSnapshot['replicationSet'] }>(
      incidents,
      new GetReplicationSetCommand({ arn: setArns[0] }),
    );
    replicationSet = { replicationSet: output.replicationSet, tags: await incidentTags(setArns[0]) };
  }
  progress(`replication set: ${replicationSet ? Object.keys(replicationSet.replicationSet.regionMap ?? {}).join(', ') : 'none'}`);

  async function contactTags(arn: string): Promise<Tags> {
    const output = await send<{ Tags?: { Key?: string; Value?: string }[] }>(
      ssmContacts,
      new ListTagsForResourceCommand({ ResourceARN: arn }),
    );
    return Object.fromEntries((output.Tags ?? []).map((t) => [t.Key!, t.Value ?? '']));
  }
  async function incidentTags(arn: string): Promise<Tags> {
    const output = await send<{ tags?: Tags }>(incidents, new ListIncidentTagsCommand({ resourceArn: arn }));
    return { ...(output.tags ?? {}) };
  }

  // Contacts: the list (1,024 a page), then each contact's plan, channels and tags.
  type Summary = { ContactArn?: string; Type?: string };
  const summaries = await all<Summary>(async (NextToken) => {
    const page: { Contacts?: Summary[]; NextToken?: string } = await send(ssmContacts, new ListContactsCommand({ MaxResults: 1024, NextToken }));
    return [page.Contacts, page.NextToken];
  });
  progress(`contacts: ${summaries.length} found`);
  let done = 0;
  const contacts = await mapLimit(summaries, options.concurrency, async (summary): Promise<ContactSnapshot> => {
    const arn = summary.ContactArn!;
    const contact = await send<ContactSnapshot['contact'] & { $metadata?: unknown }>(
      ssmContacts,
      new GetContactCommand({ ContactId: arn }),
    );
    const channels =
      contact.Type !== 'PERSONAL'
        ? []
        : await all<ContactChannel>(async (NextToken) => {
          const page: { ContactChannels?: ContactChannel[]; NextToken?: string } = await send(
            ssmContacts,
            new ListContactChannelsCommand({ ContactId: arn, MaxResults: 1024, NextToken }),
          );
          return [page.ContactChannels, page.NextToken];
        });
    const tags = await contactTags(arn);
    done++;
    if (done % 100 === 0 || done === summaries.length) progress(`contacts: ${done}/${summaries.length} read`);
    const { $metadata, ...rest } = contact;
    void $metadata;
    return { contact: rest, channels, tags };
  });

  // Rotations: the list returns whole rotations (1,024 a page); then their tags.
  const rotationList = await all<Rotation>(async (NextToken) => {
    const page: { Rotations?: Rotation[]; NextToken?: string } = await send(ssmContacts, new ListRotationsCommand({ MaxResults: 1024, NextToken }));
    return [page.Rotations, page.NextToken];
  });
  const previewWeeks = options.previewWeeks ?? 0;
  const now = options.now ?? new Date();
  const rotations = await mapLimit(rotationList, options.concurrency, async (rotation): Promise<RotationSnapshot> => {
    const tags = await contactTags(rotation.RotationArn!);
    if (previewWeeks <= 0) return { rotation, tags };
    // The API takes the definition, not the rotation: members by alias (ListPreviewRotationShifts).
    const to = new Date(now.getTime() + previewWeeks * 7 * 86_400_000);
    const shifts = await all<RotationShift>(async (NextToken) => {
      const page: { RotationShifts?: RotationShift[]; NextToken?: string } = await send(
        ssmContacts,
        new ListPreviewRotationShiftsCommand({
          RotationStartTime: rotation.StartTime,
          StartTime: now,
          EndTime: to,
          Members: (rotation.ContactIds ?? []).map((arn) => arn.split('/').pop()!),
          TimeZoneId: rotation.TimeZoneId,
          Recurrence: rotation.Recurrence,
          MaxResults: 1024,
          NextToken,
        }),
      );
      return [page.RotationShifts, page.NextToken];
    });
    return { rotation, tags, preview: { from: now, to, shifts } };
  });
  progress(`rotations: ${rotations.length} read`);

  // Response plans: the list (100 a page), then each plan and its tags.
  const planArns = await all<string>(async (nextToken) => {
    const page: { responsePlanSummaries?: { arn?: string }[]; nextToken?: string } = await send(
      incidents,
      new ListResponsePlansCommand({ maxResults: 100, nextToken }),
    );
    return [page.responsePlanSummaries?.map((s) => s.arn!), page.nextToken];
  });
  const responsePlans = await mapLimit(planArns, options.concurrency, async (arn): Promise<ResponsePlanSnapshot> => {
    const { $metadata, ...plan } = await send<ResponsePlanSnapshot['plan'] & { $metadata?: unknown }>(
      incidents,
      new GetResponsePlanCommand({ arn }),
    );
    void $metadata;
    return { plan, tags: await incidentTags(arn) };
  });
  progress(`response plans: ${responsePlans.length} read`);

  return { region: options.region, replicationSet, contacts, rotations, responsePlans };
}

/** Maps with at most `limit` calls under way, keeping the order. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
