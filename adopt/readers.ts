/*
 * One reader per kind of resource, with the AWS SDK's own paginators. Calls per resource are the
 * fewest the APIs allow: ListRotations returns whole rotations; a contact needs GetContact (its plan)
 * and ListTagsForResource, a personal contact ListContactChannels too; a response plan GetResponsePlan
 * and ListTagsForResource. Lists ask for the largest page each API takes. `check` reads with the same
 * readers and the same counted clients.
 */
import {
  GetContactCommand,
  ListTagsForResourceCommand,
  Rotation,
  SSMContactsClient,
  paginateListContactChannels,
  paginateListContacts,
  paginateListPreviewRotationShifts,
  paginateListRotations,
} from '@aws-sdk/client-ssm-contacts';
import {
  GetReplicationSetCommand,
  GetResponsePlanCommand,
  ListTagsForResourceCommand as ListIncidentTagsCommand,
  SSMIncidentsClient,
  paginateListReplicationSets,
  paginateListResponsePlans,
} from '@aws-sdk/client-ssm-incidents';
import { ContactSnapshot, ReplicationSetSnapshot, ResponsePlanSnapshot, RotationSnapshot, Tags } from './snapshot';

export interface ReadStatistics {
  /** API calls made (each may take several attempts). */
  calls: number;
  /** Attempts, retries of throttled or failed calls included (the SDK's $metadata.attempts). */
  attempts: number;
}

/**
 * The client, counting each call and its attempts in `stats`. The copy is an instance of the client's
 * class (its prototype is the client), as the SDK's paginators require, and sends through the client.
 */
export function counted<C extends { send(command: any, ...rest: any[]): Promise<any> }>(client: C, stats: ReadStatistics): C {
  return Object.create(client, {
    send: {
      value: async (command: unknown, ...rest: unknown[]) => {
        stats.calls++;
        const output = await client.send(command, ...rest);
        stats.attempts += output?.$metadata?.attempts ?? 1;
        return output;
      },
    },
  });
}

/** Every item of every page a paginator answers. */
export async function collect<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...(items(page) ?? []));
  return all;
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

/** What the readers read with: counted clients, and how many requests may be under way at once. */
export interface Readers {
  readonly contacts: SSMContactsClient;
  readonly incidents: SSMIncidentsClient;
  readonly concurrency: number;
  readonly progress: (message: string) => void;
}

/** Strips the SDK's response metadata. */
function withoutMetadata<T extends { $metadata?: unknown }>(output: T): Omit<T, '$metadata'> {
  const { $metadata, ...rest } = output;
  void $metadata;
  return rest;
}

/** ListTagsForResource of SSM Contacts (contacts and rotations). */
async function contactTags(r: Readers, arn: string): Promise<Tags> {
  const output = await r.contacts.send(new ListTagsForResourceCommand({ ResourceARN: arn }));
  return Object.fromEntries((output.Tags ?? []).map((t) => [t.Key!, t.Value ?? '']));
}

/** ListTagsForResource of SSM Incidents (the replication set and response plans). */
async function incidentTags(r: Readers, arn: string): Promise<Tags> {
  const output = await r.incidents.send(new ListIncidentTagsCommand({ resourceArn: arn }));
  return { ...(output.tags ?? {}) };
}

/** The replication set: one per account (ListReplicationSets), then its Regions and keys, and its tags. */
export async function readReplicationSet(r: Readers): Promise<ReplicationSetSnapshot | undefined> {
  const arns = await collect(paginateListReplicationSets({ client: r.incidents }, { maxResults: 100 }), (p) => p.replicationSetArns);
  if (arns.length === 0) return undefined;
  const output = await r.incidents.send(new GetReplicationSetCommand({ arn: arns[0] }));
  return { replicationSet: output.replicationSet!, tags: await incidentTags(r, arns[0]) };
}

/** Contacts: the list (1,024 a page), then each contact's plan, channels (personal contacts) and tags. */
export async function readContacts(r: Readers): Promise<ContactSnapshot[]> {
  const summaries = await collect(paginateListContacts({ client: r.contacts }, { MaxResults: 1024 }), (p) => p.Contacts);
  r.progress(`contacts: ${summaries.length} found`);
  let done = 0;
  return mapLimit(summaries, r.concurrency, async (summary): Promise<ContactSnapshot> => {
    const arn = summary.ContactArn!;
    const contact = withoutMetadata(await r.contacts.send(new GetContactCommand({ ContactId: arn })));
    const channels =
      contact.Type !== 'PERSONAL'
        ? []
        : await collect(paginateListContactChannels({ client: r.contacts }, { ContactId: arn, MaxResults: 1024 }), (p) => p.ContactChannels);
    const tags = await contactTags(r, arn);
    done++;
    if (done % 100 === 0 || done === summaries.length) r.progress(`contacts: ${done}/${summaries.length} read`);
    return { contact, channels, tags };
  });
}

/**
 * Rotations: the list returns whole rotations (1,024 a page); then their tags and, when `previewWeeks`
 * is more than 0, AWS's preview of their shifts from `now`.
 */
export async function readRotations(r: Readers, previewWeeks: number, now: Date): Promise<RotationSnapshot[]> {
  const list = await collect(paginateListRotations({ client: r.contacts }, { MaxResults: 1024 }), (p) => p.Rotations);
  return mapLimit(list, r.concurrency, async (rotation): Promise<RotationSnapshot> => {
    const tags = await contactTags(r, rotation.RotationArn!);
    if (previewWeeks <= 0) return { rotation, tags };
    const to = new Date(now.getTime() + previewWeeks * 7 * 86_400_000);
    return { rotation, tags, preview: { from: now, to, shifts: await previewShifts(r, rotation, now, to) } };
  });
}

/** ListPreviewRotationShifts: the API takes the definition, not the rotation, with members by alias. */
function previewShifts(r: Readers, rotation: Rotation, from: Date, to: Date) {
  const input = {
    RotationStartTime: rotation.StartTime,
    StartTime: from,
    EndTime: to,
    Members: (rotation.ContactIds ?? []).map((arn) => arn.split('/').pop()!),
    TimeZoneId: rotation.TimeZoneId,
    Recurrence: rotation.Recurrence,
    MaxResults: 1024,
  };
  return collect(paginateListPreviewRotationShifts({ client: r.contacts }, input), (p) => p.RotationShifts);
}

/** Response plans: the list (100 a page), then each plan and its tags. */
export async function readResponsePlans(r: Readers): Promise<ResponsePlanSnapshot[]> {
  const summaries = await collect(paginateListResponsePlans({ client: r.incidents }, { maxResults: 100 }), (p) => p.responsePlanSummaries);
  return mapLimit(summaries, r.concurrency, async ({ arn }): Promise<ResponsePlanSnapshot> => {
    const plan = withoutMetadata(await r.incidents.send(new GetResponsePlanCommand({ arn: arn! })));
    return { plan, tags: await incidentTags(r, arn!) };
  });
}
