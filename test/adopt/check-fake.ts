/*
 * A fake of the services behind the check's recorded account: adopt's fake for SSM Contacts and SSM
 * Incidents, plus the read operations `check` calls of SSM Contacts (ListRotationShifts), SSM, IAM,
 * SNS, KMS, Secrets Manager and CloudFormation. Reached through aws-sdk-client-mock (SDK shapes) and
 * over loopback HTTP in each service's wire protocol (for the packed command, .ci/check-packed).
 * IAM's policy simulator is faked from each role's recorded allowances: an action is allowed on a
 * resource that one of its patterns matches, and implicitly denied otherwise.
 */
import { ACCOUNT, CheckFixture } from './check-fixture';
import { FakeAccount, WireRequest, WireResponse, handleWire, wireRequestHandler } from './fake-account';

export type CheckService = 'contacts' | 'incidents' | 'ssm' | 'iam' | 'sns' | 'kms' | 'secretsmanager' | 'cloudformation';

/** An error as the service answers it: its wire code and HTTP status, and the SDK's exception name. */
export class CheckServiceError extends Error {
  constructor(
    public readonly code: string,
    public readonly status: number,
    message: string,
    sdkName = code,
  ) {
    super(message);
    this.name = sdkName;
  }
}

const glob = (pattern: string, value: string) =>
  new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`).test(value);
const seconds = (t: any) => (t instanceof Date ? t.getTime() / 1000 : typeof t === 'string' ? Date.parse(t) / 1000 : t);

export class CheckFake {
  public readonly account: FakeAccount;
  /** Every call answered, in order: service, operation and input. */
  public readonly calls: Array<{ service: CheckService; operation: string; input: any }> = [];

  constructor(public readonly fixture: CheckFixture) {
    this.account = new FakeAccount(fixture.account);
  }

  /** Answers one operation in wire shapes (awsQuery: the XML's element names), or throws a CheckServiceError. */
  public handle(service: CheckService, operation: string, input: any): any {
    this.calls.push({ service, operation, input });
    const f = this.fixture;
    const page = (items: any[], token: string | undefined, size: number) => {
      const start = token ? Number(token) : 0;
      return { items: items.slice(start, start + size), next: start + size < items.length ? String(start + size) : undefined };
    };
    switch (`${service}.${operation}`) {
      case 'contacts.ListRotationShifts': {
        if (!f.account.contacts.Rotations.some((r) => r.RotationArn === input.RotationId)) {
          throw new CheckServiceError('ResourceNotFoundException', 400, `${input.RotationId} does not exist`);
        }
        if (input.MaxResults !== undefined && (input.MaxResults < 1 || input.MaxResults > 1024)) {
          throw new CheckServiceError('ValidationException', 400, `MaxResults ${input.MaxResults} is not within 1 to 1024`);
        }
        const from = seconds(input.StartTime);
        const to = seconds(input.EndTime);
        const overlapping = (f.shifts[input.RotationId] ?? []).filter((s) => s.EndTime > from && s.StartTime < to);
        const p = page(overlapping, input.NextToken, input.MaxResults ?? 1024);
        return { RotationShifts: p.items, NextToken: p.next };
      }
      case 'ssm.DescribeDocument': {
        const { document, version } = this.document(input.Name, input.DocumentVersion);
        return { Document: { ...document.versions[version], DefaultVersion: document.defaultVersion, LatestVersion: this.latest(document) } };
      }
      case 'ssm.DescribeDocumentPermission': {
        const { document } = this.document(input.Name);
        if (input.PermissionType !== 'Share') throw new CheckServiceError('InvalidPermissionType', 400, `${input.PermissionType}`);
        if (document.versions[document.defaultVersion].Owner !== ACCOUNT) throw new CheckServiceError('InvalidDocument', 400, 'not your document');
        return { AccountIds: document.sharedWith, AccountSharingInfoList: document.sharedWith.map((a) => ({ AccountId: a, SharedDocumentVersion: '$DEFAULT' })) };
      }
      case 'iam.GetRole':
        return { Role: this.role(input.RoleName).Role };
      case 'iam.SimulatePrincipalPolicy': {
        const role = this.role(String(input.PolicySourceArn).split('/').pop()!);
        const results = (input.ActionNames as string[]).flatMap((action) =>
          ((input.ResourceArns as string[] | undefined) ?? ['*']).map((resource) => ({
            EvalActionName: action,
            EvalResourceName: resource,
            EvalDecision: (role.allows[action] ?? []).some((p) => glob(p, resource)) ? 'allowed' : 'implicitDeny',
          })),
        );
        return { EvaluationResults: results, IsTruncated: false };
      }
      case 'sns.GetTopicAttributes': {
        const attributes = f.topics[input.TopicArn];
        if (!attributes) throw new CheckServiceError('NotFound', 404, 'Topic does not exist', 'NotFoundException');
        return { Attributes: attributes };
      }
      case 'kms.DescribeKey':
        return { KeyMetadata: this.key(input.KeyId).KeyMetadata };
      case 'kms.GetKeyPolicy': {
        const key = this.key(input.KeyId);
        return { Policy: key.Policy ?? JSON.stringify({ Version: '2012-10-17', Statement: [] }), PolicyName: 'default' };
      }
      case 'secretsmanager.GetResourcePolicy': {
        const s = f.secrets[input.SecretId] ?? Object.values(f.secrets).find((x) => x.Name === input.SecretId);
        if (!s) throw new CheckServiceError('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret.");
        return { ARN: s.ARN, Name: s.Name, ...(s.ResourcePolicy ? { ResourcePolicy: s.ResourcePolicy } : {}) };
      }
      case 'secretsmanager.DescribeSecret': {
        const s = f.secrets[input.SecretId] ?? Object.values(f.secrets).find((x) => x.Name === input.SecretId);
        if (!s) throw new CheckServiceError('ResourceNotFoundException', 400, "Secrets Manager can't find the specified secret.");
        return { ARN: s.ARN, Name: s.Name, ...(s.KmsKeyId ? { KmsKeyId: s.KmsKeyId } : {}) };
      }
      case 'cloudformation.ListStacks': {
        // Two stacks a page, so that the check must follow NextToken.
        const p = page(
          f.stacks.map((s) => s.summary),
          input.NextToken,
          2,
        );
        return { StackSummaries: p.items, NextToken: p.next };
      }
      case 'cloudformation.ListStackResources': {
        const stack = f.stacks.find((s) => s.summary.StackName === input.StackName || s.summary.StackId === input.StackName);
        if (!stack) throw new CheckServiceError('ValidationError', 400, `Stack with id ${input.StackName} does not exist`);
        const p = page(stack.resources, input.NextToken, 100);
        return { StackResourceSummaries: p.items, NextToken: p.next };
      }
      case 'contacts.ListContacts':
      case 'contacts.GetContact':
      case 'contacts.ListContactChannels':
      case 'contacts.ListRotations':
      case 'contacts.ListPreviewRotationShifts':
      case 'contacts.ListTagsForResource':
      case 'incidents.ListReplicationSets':
      case 'incidents.GetReplicationSet':
      case 'incidents.ListResponsePlans':
      case 'incidents.GetResponsePlan':
      case 'incidents.ListTagsForResource':
        return this.account.handle(service as 'contacts' | 'incidents', operation, input);
      default:
        throw new Error(`the fake does not know ${service}.${operation}: check must only read`);
    }
  }

  private document(name: string, version?: string) {
    const short = String(name).split('document/').pop()!;
    const document = this.fixture.documents[short];
    if (!document) throw new CheckServiceError('InvalidDocument', 400, `Document ${name} does not exist`);
    const v = version === undefined || version === '$DEFAULT' ? document.defaultVersion : version === '$LATEST' ? this.latest(document) : version;
    if (!document.versions[v]) throw new CheckServiceError('InvalidDocumentVersion', 400, `Document ${name} has no version ${version}`);
    return { document, version: v };
  }

  private latest(document: CheckFixture['documents'][string]): string {
    return String(Math.max(...Object.keys(document.versions).map(Number)));
  }

  private role(name: string) {
    const role = this.fixture.roles[name];
    if (!role) throw new CheckServiceError('NoSuchEntity', 404, `The role with name ${name} cannot be found.`, 'NoSuchEntityException');
    return role;
  }

  private key(id: string) {
    const key = this.fixture.keys[id] ?? Object.values(this.fixture.keys).find((k) => k.KeyMetadata.KeyId === id || k.KeyMetadata.Arn === id);
    if (!key) throw new CheckServiceError('NotFoundException', 400, `Key '${id}' does not exist`);
    return key;
  }
}

const QUERY_SERVICES: { [version: string]: { service: CheckService; namespace: string } } = {
  '2010-05-08': { service: 'iam', namespace: 'https://iam.amazonaws.com/doc/2010-05-08/' },
  '2010-03-31': { service: 'sns', namespace: 'http://sns.amazonaws.com/doc/2010-03-31/' },
  '2010-05-15': { service: 'cloudformation', namespace: 'http://cloudformation.amazonaws.com/doc/2010-05-15/' },
};
const JSON_TARGETS: { [prefix: string]: CheckService } = { AmazonSSM: 'ssm', TrentService: 'kms', secretsmanager: 'secretsmanager' };

/** awsQuery's form parameters (`A.member.1.B=v`) to an object with arrays. */
function parseQuery(body: string): any {
  const root: any = {};
  for (const [k, v] of new URLSearchParams(body)) {
    const parts = k.split('.');
    let o = root;
    parts.forEach((p, i) => {
      if (i === parts.length - 1) o[p] = v;
      else o = o[p] ??= {};
    });
  }
  const fix = (o: any): any => {
    if (!o || typeof o !== 'object') return o;
    if (Object.keys(o).length === 1 && 'member' in o) {
      return Object.keys(o.member)
        .sort((a, b) => Number(a) - Number(b))
        .map((i) => fix(o.member[i]));
    }
    return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, fix(v)]));
  };
  return fix(root);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An awsQuery response element: lists as <member>s, SNS's Attributes map as <entry><key/><value/></entry>s. */
function xml(name: string, value: any): string {
  if (value === undefined || value === null) return '';
  if (name === 'Attributes' && typeof value === 'object') {
    return `<Attributes>${Object.entries(value)
      .map(([k, v]) => `<entry><key>${escapeXml(k)}</key><value>${escapeXml(String(v))}</value></entry>`)
      .join('')}</Attributes>`;
  }
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xml('member', v)).join('')}</${name}>`;
  if (typeof value === 'object') return `<${name}>${Object.entries(value).map(([k, v]) => xml(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** One HTTP request of any of the services, in its protocol. */
export function handleCheckWire(fake: CheckFake, request: WireRequest): WireResponse {
  const target = request.headers['x-amz-target'];
  const [prefix, operation] = (target ?? '').split('.');
  if (target && (JSON_TARGETS[prefix] || operation === 'ListRotationShifts')) {
    const service: CheckService = JSON_TARGETS[prefix] ?? 'contacts';
    const json = (statusCode: number, body: unknown) => ({ statusCode, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: JSON.stringify(body) });
    try {
      return json(200, fake.handle(service, operation, JSON.parse(request.body || '{}')));
    } catch (e) {
      if (!(e instanceof CheckServiceError)) throw e;
      return json(e.status, { __type: e.code, message: e.message });
    }
  }
  if (!target && request.method === 'POST' && request.path === '/' && /Action=/.test(request.body)) {
    const params = parseQuery(request.body);
    const { Action, Version, ...input } = params;
    const known = QUERY_SERVICES[Version];
    const headers = { 'content-type': 'text/xml' };
    if (!known) return { statusCode: 400, headers, body: `<ErrorResponse><Error><Code>InvalidAction</Code><Message>version ${Version}</Message></Error></ErrorResponse>` };
    try {
      const output = fake.handle(known.service, Action, input);
      const result = Object.entries(output)
        .map(([k, v]) => xml(k, v))
        .join('');
      return {
        statusCode: 200,
        headers,
        body: `<${Action}Response xmlns="${known.namespace}"><${Action}Result>${result}</${Action}Result><ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${Action}Response>`,
      };
    } catch (e) {
      if (!(e instanceof CheckServiceError)) throw e;
      return {
        statusCode: e.status,
        headers,
        body: `<ErrorResponse xmlns="${known.namespace}"><Error><Type>Sender</Type><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
      };
    }
  }
  // SSM Contacts' and SSM Incidents' other operations: adopt's fake.
  return handleWire(fake.account, request);
}

/** An SDK request handler answering from the fake in the wire protocols, without sockets. */
export function checkRequestHandler(fake: CheckFake) {
  return wireRequestHandler((request) => handleCheckWire(fake, request));
}
