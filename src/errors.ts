import { ERROR_CODES } from './private/codes';
import { isValidationError } from './private/errors';

/**
 * Tells the errors this library throws for bad input apart from other errors, and reads their codes.
 *
 * Every such error is thrown at synthesis (`cdk synth`, `app.synth()`, or when the construct is
 * created) and its message ends with the rule's stable code in brackets, for example
 * `... at MyStack/Oncall [CONTACT_ALIAS]`. The README lists every code.
 *
 * In TypeScript and JavaScript, pass the caught error itself. In the other jsii languages the error
 * arrives as the language's own exception with the same message: pass its message.
 *
 * @example
 * import * as im from 'cdk-incident-manager';
 *
 * declare const caught: any; // an error caught around app.synth(), or its message
 *
 * if (im.IncidentManagerErrors.isValidationError(caught)) {
 *   const code = im.IncidentManagerErrors.codeOf(caught); // for example 'ROTATION_START_TIME'
 * }
 */
export class IncidentManagerErrors {
  /**
   * Whether `error` is an error this library threw for bad input: the error object, or its message.
   */
  public static isValidationError(error: any): boolean {
    return IncidentManagerErrors.codeOf(error) !== undefined;
  }

  /**
   * The stable code of an error this library threw for bad input (the error object, or its message),
   * such as `ROTATION_START_TIME`; undefined for any other error.
   */
  public static codeOf(error: any): string | undefined {
    if (isValidationError(error)) {
      return error.code;
    }
    const message = typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : undefined;
    const code = message ? /\[([A-Z_]+)\]\s*$/.exec(message)?.[1] : undefined;
    return code !== undefined && code in ERROR_CODES ? code : undefined;
  }

  /**
   * Every code, with the rule it stands for.
   */
  public static allCodes(): { [code: string]: string } {
    return { ...ERROR_CODES };
  }

  private constructor() {}
}
