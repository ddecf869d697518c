import { IConstruct } from 'constructs';
import { ErrorCode } from './codes';

/** Where an input belongs: its construct, or the path that construct will have. */
export type Where = IConstruct | string;

/** Marks errors of this library, across copies of the package in one process. */
const MARKER = Symbol.for('cdk-incident-manager.ValidationError');

/**
 * The one error this library throws for input it rejects at synth time.
 *
 * Every message has the same shape: what was wrong, what is allowed, the value received, the
 * construct path, and the rule's stable code in brackets, for example:
 *
 *   `alias` must match ^[a-z0-9_\-.]*$ (got "Primary-OnCall") at Stack/Oncall [CONTACT_ALIAS]
 *
 * Not exported from the package (jsii cannot expose a subclass of `Error` to other languages); the
 * exported `IncidentManagerErrors` tells these errors and their codes apart.
 */
export class IncidentManagerValidationError extends Error {
  /** The construct path the error is about. */
  public readonly constructPath: string;
  /** The stable code of the rule that was broken. */
  public readonly code: ErrorCode;

  /**
   * @param where the construct the input belongs to, or its path when the construct does not exist yet
   */
  constructor(where: Where, what: string, received: unknown, allowed: string, code: ErrorCode) {
    const path = typeof where === 'string' ? where : where.node.path;
    super(`${what} must ${allowed} (got ${describe(received)}) at ${path} [${code}]`);
    this.name = 'IncidentManagerValidationError';
    this.constructPath = path;
    this.code = code;
    Object.defineProperty(this, MARKER, { value: true, enumerable: false });
    Object.setPrototypeOf(this, IncidentManagerValidationError.prototype);
  }
}

/** Whether `error` is an error of this library (also one thrown by another copy of the package). */
export function isValidationError(error: unknown): error is IncidentManagerValidationError {
  return typeof error === 'object' && error !== null && (error as any)[MARKER] === true;
}

/** A received value already put in words ("a number", "nothing"), shown as it is. */
class Shown {
  constructor(public readonly text: string) {}
}

/** `text` shown in a message as it is, without quotes. */
export function shown(text: string): unknown {
  return new Shown(text);
}

/** The longest received value shown in full; longer ones are cut, with their length. */
const MAX_SHOWN = 100;

/** Renders a received value for an error message: strings quoted, everything else as JSON, long values cut. */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value instanceof Shown) {
    return value.text;
  }
  if (typeof value === 'string') {
    return value.length > MAX_SHOWN ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}… (${value.length} characters)` : JSON.stringify(value);
  }
  // String(NaN) reads better than JSON's null.
  let text: string | undefined;
  try {
    text = typeof value === 'number' ? String(value) : JSON.stringify(value);
  } catch {
    // A construct or another object that refers to itself.
    text = `an instance of ${(value as any)?.constructor?.name ?? 'an object'}`;
  }
  if (text === undefined) {
    return String(value);
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} characters of JSON)` : text;
}
