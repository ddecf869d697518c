/*
 * A fake of the two services behind the recorded account: the operations `adopt` calls, with
 * pagination, ResourceNotFoundException and, optionally, a token-bucket rate limit that answers
 * ThrottlingException as the services do. Reached three ways: through aws-sdk-client-mock (SDK
 * shapes), through an SDK request handler (the wire protocols, so the SDK's retries run), and over
 * loopback HTTP (for the packed command).
 */
import * as http from 'http';
import { WireFixture } from './account-fixture';

export class ServiceError extends Error {
  constructor(
    public readonly code: 'ThrottlingException' | 'ResourceNotFoundException' | 'ValidationException',
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

export interface RateLimit {
  /** Requests a second, sustained. */
  readonly perSecond: number;
  /** Requests at once before throttling. */
  readonly burst: number;
}

export class FakeAccount {
  /** Requests answered, throttled ones included. */
  public requests = 0;
  public throttled = 0;
  public readonly byOperation = new Map<string, number>();
  private tokens: number;
  private last = Date.now();

  constructor(
    public readonly fixture: WireFixture,
    private readonly limit?: RateLimit,
  ) {
    this.tokens = limit?.burst ?? 0;
  }

  /** Answers one operation in wire shapes, or throws a ServiceError. */
  public handle(service: 'contacts' | 'incidents', operation: string, input: any): any {
    this.requests++;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    if (this.limit) {
      const now = Date.now();
      this.tokens = Math.min(this.limit.burst, this.tokens + ((now - this.last) / 1000) * this.limit.perSecond);
      this.last = now;
      if (this.tokens < 1) {
        this.throttled++;
        throw new ServiceError('ThrottlingException', 'Rate exceeded');
      }
      this.tokens -= 1;
    }
    const c = this.fixture.contacts;
    const i = this.fixture.incidents;
    const page = (items: any[], size: number | undefined, token: string | undefined, max: number) => {
      if (size !== undefined && (size < 1 || size > max)) {throw new ServiceError('ValidationException', `MaxResults ${size} is not within 1 to ${max}`);}
      const start = token ? Number(token) : 0;
      const end = start + (size ?? max);
      return { items: items.slice(start, end), next: end < items.length ? String(end) : undefined };
    };
    const known = (table: { [arn: string]: unknown }, arn: string) => {
      if (!(arn in table)) throw new ServiceError('ResourceNotFoundException', `${arn} does not exist`);
      return table[arn];
    };
    switch (`${service}.${operation}`) {
      case 'contacts.ListContacts': {
        const p = page(c.Contacts, input.MaxResults, input.NextToken, 1024);
        return { Contacts: p.items, NextToken: p.next };
      }
      case 'contacts.GetContact':
        return known(c.get, input.ContactId);
      case 'contacts.ListContactChannels': {
        known(c.get, input.ContactId);
        const p = page(c.channels[input.ContactId] ?? [], input.MaxResults, input.NextToken, 1024);
        return { ContactChannels: p.items, NextToken: p.next };
      }
      case 'contacts.ListRotations': {
        const p = page(c.Rotations, input.MaxResults, input.NextToken, 1024);
        return { Rotations: p.items, NextToken: p.next };
      }
      case 'contacts.ListPreviewRotationShifts': {
        // The API takes a definition, not a rotation: find the recorded rotation it describes.
        const seconds = (t: any) => (t instanceof Date ? t.getTime() / 1000 : t);
        const rotation = c.Rotations.find(
          (r) => r.TimeZoneId === input.TimeZoneId && r.StartTime === seconds(input.RotationStartTime) && r.ContactIds.map((id: string) => id.split('/').pop()).join() === input.Members.join(),
        );
        const shifts = rotation ? c.previews?.[rotation.RotationArn] : undefined;
        if (!shifts) throw new ServiceError('ValidationException', 'no recorded preview for that rotation');
        const p = page(shifts, input.MaxResults, input.NextToken, 1024);
        return { RotationShifts: p.items, NextToken: p.next };
      }
      case 'contacts.ListTagsForResource': {
        const arn = input.ResourceARN;
        if (!(arn in c.get) && !c.Rotations.some((r) => r.RotationArn === arn)) {throw new ServiceError('ResourceNotFoundException', `${arn} does not exist`);}
        return { Tags: c.tags[arn] ?? [] };
      }
      case 'incidents.ListReplicationSets': {
        const p = page(i.replicationSetArns, input.maxResults, input.nextToken, 100);
        return { replicationSetArns: p.items, nextToken: p.next };
      }
      case 'incidents.GetReplicationSet':
        if (input.arn !== i.replicationSet?.arn) throw new ServiceError('ResourceNotFoundException', `${input.arn} does not exist`);
        return { replicationSet: i.replicationSet };
      case 'incidents.ListResponsePlans': {
        const p = page(i.responsePlans, input.maxResults, input.nextToken, 100);
        return { responsePlanSummaries: p.items, nextToken: p.next };
      }
      case 'incidents.GetResponsePlan':
        return known(i.plans, input.arn);
      case 'incidents.ListTagsForResource':
        if (!(input.resourceArn in i.plans) && input.resourceArn !== i.replicationSet?.arn) {throw new ServiceError('ResourceNotFoundException', `${input.resourceArn} does not exist`);}
        return { tags: i.tags[input.resourceArn] ?? {} };
      default:
        throw new Error(`the fake does not know ${service}.${operation}: adopt must only read`);
    }
  }
}

const TIMESTAMPS = new Set(['StartTime', 'EndTime', 'createdTime', 'lastModifiedTime', 'statusUpdateDateTime']);

/** Wire shapes to the SDK's: epoch-second timestamps become Dates. */
export function toSdkShape(value: any, key?: string): any {
  if (key && TIMESTAMPS.has(key) && typeof value === 'number') return new Date(value * 1000);
  if (Array.isArray(value)) return value.map((v) => toSdkShape(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toSdkShape(v, k)]));
  return value;
}

export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly query: { [key: string]: string };
  readonly headers: { [key: string]: string };
  readonly body: string;
}

export interface WireResponse {
  readonly statusCode: number;
  readonly headers: { [key: string]: string };
  readonly body: string;
}

/**
 * One HTTP request of either protocol: SSM Contacts is awsJson1_1 (POST /, X-Amz-Target
 * SSMContacts.<Operation>); SSM Incidents is restJson1 (the routes of its API reference).
 */
export function handleWire(fake: FakeAccount, request: WireRequest): WireResponse {
  const target = request.headers['x-amz-target'];
  const json = (statusCode: number, body: unknown, headers: { [key: string]: string } = {}) => ({
    statusCode,
    headers: { 'content-type': target ? 'application/x-amz-json-1.1' : 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  try {
    if (target) {
      const operation = target.replace(/^SSMContacts\./, '');
      return json(200, fake.handle('contacts', operation, JSON.parse(request.body || '{}')));
    }
    const body = request.body ? JSON.parse(request.body) : {};
    const route = `${request.method} ${request.path}`;
    if (route === 'POST /listReplicationSets') return json(200, fake.handle('incidents', 'ListReplicationSets', body));
    if (route === 'GET /getReplicationSet') return json(200, fake.handle('incidents', 'GetReplicationSet', { arn: request.query.arn }));
    if (route === 'POST /listResponsePlans') return json(200, fake.handle('incidents', 'ListResponsePlans', body));
    if (route === 'GET /getResponsePlan') return json(200, fake.handle('incidents', 'GetResponsePlan', { arn: request.query.arn }));
    if (request.method === 'GET' && request.path.startsWith('/tags/')) {
      return json(
        200,
        fake.handle('incidents', 'ListTagsForResource', { resourceArn: decodeURIComponent(request.path.slice('/tags/'.length)) }),
      );
    }
    return json(404, { message: `no route ${route}` }, { 'x-amzn-errortype': 'UnknownOperationException' });
  } catch (e) {
    if (!(e instanceof ServiceError)) throw e;
    const status = { ThrottlingException: target ? 400 : 429, ResourceNotFoundException: target ? 400 : 404, ValidationException: 400 }[
      e.code
    ];
    return target
      ? json(status, { __type: `com.amazonaws.ssmcontacts#${e.code}`, Message: e.message })
      : json(status, { message: e.message }, { 'x-amzn-errortype': e.code });
  }
}

/** An SDK request handler answering from the fake in the wire protocols, without sockets: the SDK's middleware, retries included, runs as against the service. */
export function fakeRequestHandler(fake: FakeAccount) {
  return wireRequestHandler((request) => handleWire(fake, request));
}

/** An SDK request handler (no sockets) that gives each request, decoded, to `answer`. */
export function wireRequestHandler(answer: (request: WireRequest) => WireResponse) {
  return {
    async handle(request: { method: string; path: string; query?: { [k: string]: unknown }; headers: { [k: string]: string }; body?: unknown }) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { HttpResponse } = require('@smithy/protocol-http');
      const raw = request.body;
      // Bytes are decoded as bytes (newer SDK cores warn when their byte bodies are read as strings).
      const body = raw instanceof Uint8Array ? new TextDecoder().decode(raw) : raw === undefined ? '' : String(raw);
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
      const query = Object.fromEntries(Object.entries(request.query ?? {}).map(([k, v]) => [k, String(v)]));
      const response = answer({ method: request.method, path: request.path, query, headers, body });
      return { response: new HttpResponse({ statusCode: response.statusCode, headers: response.headers, body: Buffer.from(response.body) }) };
    },
  };
}

/**
 * Serves `answer` over loopback HTTP for the packed commands (.ci/adopt-packed, .ci/check-packed):
 * prints the port, then answers until killed. A call `answer` does not know is a 500, logged on stderr
 * (the packed command made a call it must not make).
 */
export function serveWire(answer: (request: WireRequest) => WireResponse): void {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      try {
        const response = answer({
          method: req.method ?? 'GET',
          path: url.pathname,
          query: Object.fromEntries(url.searchParams.entries()),
          headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        res.writeHead(response.statusCode, response.headers);
        res.end(response.body);
      } catch (e) {
        process.stderr.write(`${(e as Error).message}\n`);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: (e as Error).message }));
      }
    });
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${typeof address === 'object' && address ? address.port : ''}\n`);
  });
}
