/*
 * The on-call engine's public vocabulary (exported through src/on-call.ts): what a question about who
 * is on call answers, and what a coverage check asks.
 */
import type { IContact } from '../contact-base';

/**
 * A shift: who is on call from `start` to `end`.
 */
export interface Shift {
  /** When the shift starts (inclusive). */
  readonly start: Date;
  /** When the shift ends (exclusive). */
  readonly end: Date;
  /** The contacts on call, in the rotation's order. */
  readonly contacts: IContact[];
}

/**
 * A time when nobody is on call.
 */
export interface CoverageGap {
  /** When the gap starts (inclusive). */
  readonly start: Date;
  /** When the gap ends (exclusive). */
  readonly end: Date;
}

/**
 * A check, at synthesis, that someone is on call at every moment of the coming weeks.
 */
export interface CoverageOptions {
  /**
   * Whether a time when nobody is on call is an error (on an on-call schedule) or a warning (an
   * escalation plan whose first stage would page nobody).
   */
  readonly requireFullCoverage: boolean;

  /**
   * How many weeks to check: 1 to 52.
   *
   * @default 8
   */
  readonly weeks?: number;

  /**
   * Where the checked weeks start. Synthesis never reads the clock, so the same code gives the same
   * result on every day: to check "the next weeks" in a pipeline, set the context value
   * `cdk-incident-manager:coverageFrom` to the run's date instead (`cdk synth -c
   * cdk-incident-manager:coverageFrom=2027-03-01T00:00:00Z`, an ISO 8601 date or date and time with an
   * offset); `from` wins over it.
   *
   * @default - the context value `cdk-incident-manager:coverageFrom` when it is set, else the latest start of the rotations the check follows
   */
  readonly from?: Date;
}
