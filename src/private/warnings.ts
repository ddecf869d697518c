import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Adds the warning `id` to `scope` at synthesis when `message` (read then, once the app is complete)
 * says there is something to warn about: for what can still be added after the construct is
 * defined, such as a contact's stages or a schedule's rotations.
 */
export function warnAtSynthesis(scope: IConstruct, id: string, message: () => string | undefined): void {
  scope.node.addValidation({
    validate: () => {
      const text = message();
      if (text !== undefined) {
        Annotations.of(scope).addWarningV2(id, text);
      }
      return [];
    },
  });
}
