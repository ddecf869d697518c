import { IConstruct } from 'constructs';

/**
 * The one error this library throws for input it rejects at synth time.
 *
 * Every message has the same shape: what was wrong, the value received, what is allowed, and the
 * construct path, for example:
 *
 *   `alias` must match ^[a-z0-9_\-.]*$ (got "Primary-OnCall") at Stack/Oncall
 *
 * Not exported from the package: jsii cannot expose a subclass of `Error` to other languages.
 */
/** Where an input belongs: its construct, or the path that construct will have. */
export type Where = IConstruct | string;

export class IncidentManagerValidationError extends Error {
  /** The construct path the error is about. */
  public readonly constructPath: string;

  /**
   * @param where the construct the input belongs to, or its path when the construct does not exist yet
   */
  constructor(where: Where, what: string, received: unknown, allowed: string) {
    const path = typeof where === 'string' ? where : where.node.path;
    super(`${what} must ${allowed} (got ${describe(received)}) at ${path}`);
    this.name = 'IncidentManagerValidationError';
    this.constructPath = path;
    Object.setPrototypeOf(this, IncidentManagerValidationError.prototype);
  }
}

/** Renders a received value for an error message: strings quoted, everything else as JSON. */
export function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  // String(NaN) reads better than JSON's null.
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
