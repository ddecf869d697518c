import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { defineExampleApp } from '../examples/example-app';

/*
 * Logical IDs are a contract with every deployed stack: a changed ID makes CloudFormation replace the
 * resource, so a contact loses its activated channels and a replication set loses all incident data.
 * test/example-logical-ids.json lists the example app's IDs; change it only for a change that is
 * meant to replace resources, and say so in the release notes.
 */
const EXPECTED: Record<string, Record<string, string>> = JSON.parse(fs.readFileSync(path.join(__dirname, 'example-logical-ids.json'), 'utf-8'));

describe('logical IDs of the example app', () => {
  const { operations, application } = defineExampleApp(new App());

  test.each([
    ['IncidentManager', operations],
    ['Application', application],
  ])('GIVEN stack %s THEN every resource keeps its logical ID and type', (name, stack) => {
    const actual = Object.fromEntries(
      Object.entries<any>(Template.fromStack(stack).toJSON().Resources).map(([id, resource]) => [id, resource.Type]),
    );
    const missing = Object.keys(EXPECTED[name]).filter((id) => actual[id] !== EXPECTED[name][id]);
    const added = Object.keys(actual).filter((id) => !(id in EXPECTED[name]));
    expect({ replacedOrRemoved: missing, added }).toEqual({ replacedOrRemoved: [], added: [] });
  });

  test('GIVEN a renamed construct THEN the check fails (it can fail)', () => {
    const renamed = { ...EXPECTED.IncidentManager };
    delete renamed.IncidentManagerContactaliceB25F4191;
    renamed.IncidentManagerContactaliceRENAMED = 'AWS::SSMContacts::Contact';
    const actual = Object.fromEntries(
      Object.entries<any>(Template.fromStack(operations).toJSON().Resources).map(([id, resource]) => [id, resource.Type]),
    );
    expect(Object.keys(renamed).filter((id) => actual[id] !== renamed[id])).toEqual(['IncidentManagerContactaliceRENAMED']);
  });

  test('GIVEN the example app synthesized twice THEN every template is byte-identical', () => {
    const render = () => {
      const app = new App();
      defineExampleApp(app);
      const assembly = app.synth();
      return assembly.stacks.map((s) => fs.readFileSync(path.join(assembly.directory, s.templateFile), 'utf-8'));
    };
    expect(render()).toEqual(render());
  });
});
