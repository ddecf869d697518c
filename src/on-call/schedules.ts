/*
 * What an escalation plan reads of the on-call schedules it engages, without importing them: it finds
 * them through the contact type `defineContactResource` records on each contact's node.
 */

/**
 * What an escalation plan needs of an on-call schedule to say who it pages: the schedule's combined
 * shifts. Found by node, so the foundation's ARN references (which share the schedule's node) are
 * found too.
 */
export interface ScheduleShifts {
  readonly _firstTimeZone: string;
  _latestStart(): number | undefined;
  _pieces(from: number, to: number): Array<{ start: number; end: number; members: any[] }>;
}
