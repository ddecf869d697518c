import { Construct } from 'constructs';
import { ErrorCode } from '../private/codes';
import { IncidentManagerValidationError, isValidationError } from '../private/errors';

/**
 * One entry of the foundation's props (`contacts[2]`, or the entry given to `addContact`): the one way
 * the foundation says where an error is.
 *
 * Errors of the foundation's own checks name the prop the user wrote by its path from the foundation's
 * props (`contacts[2].callAfter`), through `at` and `fail`; every error of the library raised while the
 * entry is defined, by those checks or by a construct the foundation creates for it (`Contact`,
 * `ResponsePlan`, ...), is also said to be in the entry, through `define`, with the rule's code kept.
 */
export class EntryPath {
  /**
   * @param foundation the construct errors are reported at
   * @param path the entry's path from the foundation's props, which starts the path of its props
   * @param label how errors raised while it is defined name the entry, when not by `path` (an add
   *        method's entry is named with its alias: `addContact("alice")`)
   */
  constructor(private readonly foundation: Construct, public readonly path: string, private readonly label: string = path) {}

  /** The path of `prop` of the entry from the foundation's props (`contacts[2].callAfter`), or the entry's own. */
  public at(prop?: string): string {
    return prop === undefined ? this.path : `${this.path}.${prop}`;
  }

  /** Throws the error of `prop` of the entry (of the entry itself when `prop` is undefined). */
  public fail(prop: string | undefined, received: unknown, allowed: string, code: ErrorCode = 'FOUNDATION'): never {
    throw new IncidentManagerValidationError(this.foundation, `\`${this.at(prop)}\``, received, allowed, code);
  }

  /** Runs `build`, so that an error of the library it throws says it is in this entry of the foundation. */
  public define<T>(build: (entry: EntryPath) => T): T {
    try {
      return build(this);
    } catch (error) {
      if (isValidationError(error) && !error.message.startsWith('in `')) {
        error.message = `in \`${this.label}\` of the foundation ${this.foundation.node.path}: ${error.message}`;
      }
      throw error;
    }
  }
}
