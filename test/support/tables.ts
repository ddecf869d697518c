import { App, CfnParameter, Stack } from 'aws-cdk-lib';
import { newStack } from './stacks';

/*
 * A rule a construct enforces, as a table: a bad value refused with the exact message, the boundary
 * value accepted, and a value only known at deploy time (a token) passed through.
 */

export interface Case<T> {
  /** What the rule is. */
  readonly rule: string;
  /** A value that breaks it. */
  readonly bad: T;
  /** The whole message. */
  readonly message: string;
  /** The value at the edge of what is allowed. */
  readonly boundary: T;
  /** Whether a string token stands in for the value (false for values that are not strings). */
  readonly token?: boolean;
}

/** Runs the table for one prop: `make` builds the construct with the value in a fresh stack. */
export function table<T>(name: string, make: (stack: Stack, value: T) => void, cases: Array<Case<T>>): void {
  describe(name, () => {
    test.each(cases.map((c) => [c.rule, c] as const))('GIVEN %s THEN the bad value is refused with its message', (_rule, c) => {
      // Some rules can only be checked once the app is complete (at synthesis).
      expect(() => {
        const stack = newStack();
        make(stack, c.bad);
        (stack.node.root as App).synth();
      }).toThrow(c.message);
    });
    test.each(cases.map((c) => [c.rule, c] as const))('GIVEN %s THEN the boundary value is accepted', (_rule, c) => {
      const stack = newStack();
      make(stack, c.boundary);
      (stack.node.root as App).synth();
    });
    const tokenCases = cases.filter((c) => c.token !== false && typeof c.boundary === 'string');
    if (tokenCases.length > 0) {
      test.each(tokenCases.map((c) => [c.rule, c] as const))('GIVEN %s THEN a token passes', (_rule, _c) => {
        const stack = newStack();
        make(stack, new CfnParameter(stack, 'Value').valueAsString as unknown as T);
        (stack.node.root as App).synth();
      });
    }
  });
}
