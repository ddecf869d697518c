/*
 * What every part of the check works with: the clients (counted, as adopt's readers count theirs), the
 * account and Region, the findings so far and what could not be checked.
 */
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { SSMContactsClient } from '@aws-sdk/client-ssm-contacts';
import type { SSMIncidentsClient } from '@aws-sdk/client-ssm-incidents';
import { ReadStatistics, counted } from '../readers';

/** Anything with the SDK's `send`: the clients are built on different SDK core versions. */
export interface Sender {
  send(command: any): Promise<any>;
}

export interface CheckClients {
  readonly contacts: SSMContactsClient;
  readonly incidents: SSMIncidentsClient;
  readonly ssm: Sender;
  /** An IAMClient: its results are read with the SDK's paginator. */
  readonly iam: IAMClient;
  /** A CloudFormationClient: stacks and their resources are read with the SDK's paginators. */
  readonly cloudformation: CloudFormationClient;
  /** Topics, keys and secrets are read in the Region of their ARN. */
  readonly sns: (region: string) => Sender;
  readonly kms: (region: string) => Sender;
  readonly secretsManager: (region: string) => Sender;
}

export type Severity = 'error' | 'warning';
export type Area = 'reachability' | 'coverage' | 'response plans' | 'permissions' | 'drift' | 'library';

/** One finding: the resource, what is wrong and what to do. */
export interface CheckFinding {
  /** `error`: a page or a runbook would fail; `warning`: something to fix that does not stop one. */
  readonly severity: Severity;
  readonly area: Area;
  /** A stable name of the kind of finding. */
  readonly code: string;
  /** The ARN of the resource the finding is about. */
  readonly resource: string;
  readonly message: string;
  /** What to do. */
  readonly fix: string;
}

export const INCIDENT_MANAGER_PRINCIPAL = 'ssm-incidents.amazonaws.com';

export const alias = (arn: string) => arn.split('/').pop()!;
export const iso = (t: number) => new Date(t).toISOString().slice(0, 16) + 'Z';
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
export const errorName = (e: unknown) => (e as { name?: string })?.name ?? '';

/** The check's clients, each call counted in `stats`. */
export function countedClients(clients: CheckClients, stats: ReadStatistics): CheckClients {
  const perRegion = (make: (region: string) => Sender) => (region: string) => counted(make(region), stats);
  return {
    contacts: counted(clients.contacts, stats),
    incidents: counted(clients.incidents, stats),
    ssm: counted(clients.ssm, stats),
    iam: counted(clients.iam, stats),
    cloudformation: counted(clients.cloudformation, stats),
    sns: perRegion(clients.sns),
    kms: perRegion(clients.kms),
    secretsManager: perRegion(clients.secretsManager),
  };
}

export interface CheckContextProps {
  /** Counted clients. */
  readonly clients: CheckClients;
  readonly region: string;
  readonly account: string;
  readonly partition: string;
  readonly now: Date;
  readonly weeks: number;
  readonly concurrency: number;
  readonly progress: (message: string) => void;
  /** What the check could not read, said in the report. */
  readonly notChecked: string[];
}

/** The state of one check: its settings, its findings and what it could not read. */
export class CheckContext {
  public readonly findings: CheckFinding[] = [];

  constructor(public readonly props: CheckContextProps) {}

  public get clients(): CheckClients {
    return this.props.clients;
  }

  public get account(): string {
    return this.props.account;
  }

  public get region(): string {
    return this.props.region;
  }

  public add(finding: CheckFinding): void {
    this.findings.push(finding);
  }

  public notChecked(what: string): void {
    this.props.notChecked.push(what);
  }

  public progress(message: string): void {
    this.props.progress(message);
  }

  /** Whether an ARN names a resource of another account (not read: the check's policy names this account only). */
  public ofAnotherAccount(arn: string): boolean {
    return arn.startsWith('arn:') && arn.split(':')[4] !== this.account;
  }

  /** The Region of an ARN, or the check's Region for a name. */
  public regionOf(arn: string): string {
    return arn.startsWith('arn:') ? arn.split(':')[3] : this.region;
  }
}
