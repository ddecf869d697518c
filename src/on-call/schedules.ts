/*
 * How an escalation plan finds the on-call schedules it engages without importing them.
 */
import { IConstruct, Node } from 'constructs';

/**
 * What an escalation plan needs of an on-call schedule to say who it pages: the schedule's combined
 * shifts. Registered by node, so the foundation's ARN references (which share the schedule's node)
 * are found too.
 */
export interface ScheduleShifts {
  readonly _firstTimeZone: string;
  _latestStart(): number | undefined;
  _pieces(from: number, to: number): Array<{ start: number; end: number; members: any[] }>;
}

const SCHEDULES = new WeakMap<Node, ScheduleShifts>();

export function registerSchedule(schedule: IConstruct & ScheduleShifts): void {
  SCHEDULES.set(schedule.node, schedule);
}

export function scheduleOf(contact: IConstruct): ScheduleShifts | undefined {
  return SCHEDULES.get(contact.node);
}
