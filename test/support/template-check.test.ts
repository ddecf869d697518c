import { findCycle, templateProblems } from './template-check';

/*
 * The helper every construct test relies on must fail on bad templates, or its green proves nothing.
 */

const contact = (props: object) => ({ Type: 'AWS::SSMContacts::Contact', Properties: props });
const okContact = { Alias: 'jane', DisplayName: 'Jane Doe', Type: 'PERSONAL' };
const role = (statements: object[]) => ({
  Type: 'AWS::IAM::Policy',
  Properties: {
    PolicyName: 'p',
    Roles: ['r'],
    PolicyDocument: { Version: '2012-10-17', Statement: statements },
  },
});

describe('schema validation', () => {
  test('GIVEN a valid resource THEN there is no problem', () => {
    expect(templateProblems({ Resources: { C: contact(okContact) } })).toEqual([]);
  });

  test.each([
    ['a wrong type', { ...okContact, Alias: 7 }, 'C (AWS::SSMContacts::Contact) Properties.Alias: expected string, got integer 7'],
    ['a pattern mismatch', { ...okContact, Alias: 'Jane' }, 'C (AWS::SSMContacts::Contact) Properties.Alias: "Jane" does not match ^[a-z0-9_\\-\\.]*$'],
    ['a missing required property', { Alias: 'jane', Type: 'PERSONAL' }, 'C (AWS::SSMContacts::Contact) Properties: required property DisplayName is missing'],
    ['an unknown property', { ...okContact, Colour: 'red' }, 'C (AWS::SSMContacts::Contact) Properties.Colour: is not a property of this type (allowed: Alias, Arn, DisplayName, Plan, Tags, Type)'],
    ['a value outside an enum', { ...okContact, Type: 'TEAM' }, 'C (AWS::SSMContacts::Contact) Properties.Type: "TEAM" is not one of ["PERSONAL","ESCALATION","ONCALL_SCHEDULE"]'],
    ['a read-only property', { ...okContact, Arn: 'arn' }, 'C (AWS::SSMContacts::Contact) Properties.Arn: is read-only and cannot be set'],
    ['a string that is too long', { ...okContact, Alias: 'a'.repeat(256) }, `C (AWS::SSMContacts::Contact) Properties.Alias: "${'a'.repeat(256)}" is longer than 255`],
    [
      'a oneOf with no branch',
      { ...okContact, Plan: [{ Targets: [] }] },
      'C (AWS::SSMContacts::Contact) Properties.Plan[0]: matches 0 of oneOf {required: DurationInMinutes} | {required: RotationIds}, must match exactly 1',
    ],
  ])('GIVEN %s THEN it is reported', (_name, props, message) => {
    expect(templateProblems({ Resources: { C: contact(props) } })).toEqual([message]);
  });

  test('GIVEN too many items and a number over its maximum THEN both are reported', () => {
    const regions = [1, 2, 3, 4].map((i) => ({ RegionName: `r${i}` }));
    expect(templateProblems({ Resources: { R: { Type: 'AWS::SSMIncidents::ReplicationSet', Properties: { Regions: regions } } } })).toEqual([
      'R (AWS::SSMIncidents::ReplicationSet) Properties.Regions: has 4 items, more than 3',
    ]);
    expect(
      templateProblems({ Resources: { K: { Type: 'AWS::KMS::Key', Properties: { PendingWindowInDays: 31 } } } }),
    ).toEqual(['K (AWS::KMS::Key) Properties.PendingWindowInDays: 31 is greater than 30']);
  });

  test('GIVEN a type without a schema THEN it is reported', () => {
    expect(templateProblems({ Resources: { X: { Type: 'AWS::Foo::Bar', Properties: {} } } })).toEqual([
      'X (AWS::Foo::Bar) no schema for AWS::Foo::Bar: copy aws-foo-bar.json into test/support/cfn-schemas',
    ]);
  });

  test('GIVEN intrinsic functions THEN they stand for any value, AWS::NoValue removes, and Fn::If branches are checked', () => {
    expect(
      templateProblems({
        Parameters: { P: { Type: 'String' } },
        Resources: {
          C: contact({ Alias: { Ref: 'P' }, DisplayName: { 'Fn::Join': ['', ['a']] }, Type: 'PERSONAL', Plan: { Ref: 'AWS::NoValue' } }),
        },
      }),
    ).toEqual([]);
    expect(
      templateProblems({
        Resources: { C: contact({ ...okContact, Alias: { 'Fn::If': ['Cond', 'ok', 'NOT OK'] } }) },
      }),
    ).toEqual(['C (AWS::SSMContacts::Contact) Properties.Alias: "NOT OK" does not match ^[a-z0-9_\\-\\.]*$']);
  });
});

describe('references', () => {
  test('GIVEN a Ref, a GetAtt, a Sub and a DependsOn to missing resources THEN each is reported', () => {
    const problems = templateProblems({
      Resources: {
        C: { ...contact({ ...okContact, DisplayName: { 'Fn::GetAtt': ['Gone', 'Arn'] }, Alias: { 'Fn::Sub': '${Missing}-${AWS::Region}' } }), DependsOn: ['Absent'] },
        D: contact({ ...okContact, Alias: { Ref: 'Nope' } }),
      },
    });
    expect(problems).toEqual([
      'C: refers to Absent, which the template does not declare',
      'C: refers to Missing, which the template does not declare',
      'C: refers to Gone, which the template does not declare',
      'D: refers to Nope, which the template does not declare',
    ]);
  });

  test('GIVEN resources that refer to each other THEN the cycle is reported', () => {
    const resources = {
      A: contact({ ...okContact, Alias: { Ref: 'B' } }),
      B: { ...contact(okContact), DependsOn: 'C' },
      C: contact({ ...okContact, DisplayName: { 'Fn::GetAtt': ['A', 'Arn'] } }),
    };
    expect(findCycle(resources)).toEqual(['A', 'B', 'C', 'A']);
    expect(templateProblems({ Resources: resources })).toEqual(['circular dependency: A -> B -> C -> A']);
  });
});

describe('IAM checks', () => {
  test('GIVEN exact ARNs and a list action on * THEN there is no problem', () => {
    expect(
      templateProblems({
        Resources: {
          P: role([
            { Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: 'arn:aws:ssm-contacts:us-east-1:111122223333:contact/jane' },
            { Effect: 'Allow', Action: 'ssm-incidents:ListResponsePlans', Resource: '*' },
          ]),
        },
      }),
    ).toEqual([]);
  });

  test.each([
    [
      'an action that does not exist',
      { Effect: 'Allow', Action: 'ssm-contacts:PageEveryone', Resource: 'arn:aws:ssm-contacts:us-east-1:111122223333:contact/jane' },
      'P.PolicyDocument.Statement[0]: action "ssm-contacts:PageEveryone" does not exist',
    ],
    [
      'a service that does not exist',
      { Effect: 'Allow', Action: 'incidents:StartIncident', Resource: 'arn:aws:ssm-incidents::111122223333:response-plan/p' },
      'P.PolicyDocument.Statement[0]: service prefix "incidents" of "incidents:StartIncident" does not exist',
    ],
    [
      'Resource * for an action with resource-level permissions',
      { Effect: 'Allow', Action: ['ssm-contacts:StartEngagement'], Resource: '*' },
      'P.PolicyDocument.Statement[0]: Resource "*" with StartEngagement, which supports resource-level permissions (contact)',
    ],
    ['Action *', { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' }, 'P.PolicyDocument.Statement[0]: Action "*" grants every action of every service'],
    [
      'NotAction',
      { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b' },
      'P.PolicyDocument.Statement[0]: uses NotAction, which grants every other action',
    ],
    ['no Resource', { Effect: 'Allow', Action: 'ssm-incidents:ListResponsePlans' }, 'P.PolicyDocument.Statement[0]: an Allow statement of an identity policy names no Resource'],
  ])('GIVEN %s THEN it is reported', (_name, statement, message) => {
    expect(templateProblems({ Resources: { P: role([statement]) } })).toEqual([message]);
  });

  test('GIVEN a wildcard action on * THEN every action it stands for must lack resource types', () => {
    const problems = templateProblems({ Resources: { P: role([{ Effect: 'Allow', Action: 'ssm-contacts:Start*', Resource: '*' }]) } });
    expect(problems).toEqual(['P.PolicyDocument.Statement[0]: Resource "*" with StartEngagement, which supports resource-level permissions (contact)']);
  });

  test('GIVEN a KMS key policy THEN * is the key itself and allowed, but actions are still checked', () => {
    const keyPolicy = (action: string) => ({
      Resources: {
        K: {
          Type: 'AWS::KMS::Key',
          Properties: {
            KeyPolicy: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: action, Resource: '*' }],
            },
          },
        },
      },
    });
    expect(templateProblems(keyPolicy('kms:CreateGrant'))).toEqual([]);
    expect(templateProblems(keyPolicy('kms:CreateGrants'))).toEqual(['K.KeyPolicy.Statement[0]: action "kms:CreateGrants" does not exist']);
  });

  test('GIVEN a role THEN its trust policy actions and inline policies are checked', () => {
    const problems = templateProblems({
      Resources: {
        R: {
          Type: 'AWS::IAM::Role',
          Properties: {
            AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ssm-incidents.amazonaws.com' }, Action: 'sts:AssumeRoles' }] },
            Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ssm:StartAutomationExecution', Resource: '*' }] } }],
          },
        },
      },
    });
    expect(problems).toEqual([
      'R.AssumeRolePolicyDocument.Statement[0]: action "sts:AssumeRoles" does not exist',
      'R.Policies[0].PolicyDocument.Statement[0]: Resource "*" with StartAutomationExecution, which supports resource-level permissions (automation-definition, automation-execution, document)',
    ]);
  });

  describe('resource types an action requires (Service Authorization Reference)', () => {
    const partition = (rest: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] });

    test('GIVEN the runbook role as this library emitted it before (automation-definition only) THEN document and automation-execution are reported', () => {
      const problems = templateProblems({
        Resources: {
          P: role([{ Effect: 'Allow', Action: 'ssm:StartAutomationExecution', Resource: partition(':ssm:*:111122223333:automation-definition/Restart:*') }]),
        },
      });
      expect(problems).toEqual([
        'P.PolicyDocument: ssm:StartAutomationExecution requires a automation-execution resource (arn:${Partition}:ssm:${Region}:${Account}:automation-execution/${AutomationExecutionId}), but the policy allows it only on arn:aws:ssm:*:111122223333:automation-definition/Restart:*',
        'P.PolicyDocument: ssm:StartAutomationExecution requires a document resource (arn:${Partition}:ssm:${Region}:${Account}:document/${DocumentName}), but the policy allows it only on arn:aws:ssm:*:111122223333:automation-definition/Restart:*',
      ]);
    });

    test('GIVEN the resolver grant as this library emitted it before (incident records only) THEN response-plan is reported for each record action', () => {
      const problems = templateProblems({
        Resources: {
          Plan: { Type: 'AWS::SSMIncidents::ResponsePlan', Properties: { Name: 'critical', IncidentTemplate: { Title: 't', Impact: 1 } } },
          P: role([
            { Effect: 'Allow', Action: ['ssm-incidents:StartIncident', 'ssm-incidents:GetResponsePlan'], Resource: { 'Fn::GetAtt': ['Plan', 'Arn'] } },
            {
              Effect: 'Allow',
              Action: ['ssm-incidents:GetIncidentRecord', 'ssm-incidents:UpdateIncidentRecord', 'ssm-incidents:DeleteTimelineEvent'],
              Resource: partition(':ssm-incidents::111122223333:incident-record/critical/*'),
            },
          ]),
        },
      });
      // DeleteTimelineEvent requires only the incident record.
      expect(problems).toEqual([
        'P.PolicyDocument: ssm-incidents:GetIncidentRecord requires a response-plan resource (arn:${Partition}:ssm-incidents::${Account}:response-plan/${ResponsePlan}), but the policy allows it only on arn:aws:ssm-incidents::111122223333:incident-record/critical/*',
        'P.PolicyDocument: ssm-incidents:UpdateIncidentRecord requires a response-plan resource (arn:${Partition}:ssm-incidents::${Account}:response-plan/${ResponsePlan}), but the policy allows it only on arn:aws:ssm-incidents::111122223333:incident-record/critical/*',
      ]);
    });

    test('GIVEN the same grants with every required resource THEN there is no problem; a GetAtt counts as its resource type', () => {
      const problems = templateProblems({
        Resources: {
          Plan: { Type: 'AWS::SSMIncidents::ResponsePlan', Properties: { Name: 'critical', IncidentTemplate: { Title: 't', Impact: 1 } } },
          P: role([
            {
              Effect: 'Allow',
              Action: 'ssm:StartAutomationExecution',
              Resource: [
                partition(':ssm:*:111122223333:document/Restart'),
                partition(':ssm:*:111122223333:automation-execution/*'),
                partition(':ssm:*:111122223333:automation-definition/Restart:*'),
              ],
            },
            {
              Effect: 'Allow',
              Action: ['ssm-incidents:GetIncidentRecord', 'ssm-incidents:UpdateIncidentRecord'],
              Resource: [partition(':ssm-incidents::111122223333:incident-record/critical/*'), { 'Fn::GetAtt': ['Plan', 'Arn'] }],
            },
          ]),
        },
      });
      expect(problems).toEqual([]);
    });

    test('GIVEN a required resource only through a value the check cannot know (a parameter) THEN it is reported', () => {
      const problems = templateProblems({
        Parameters: { RoleArn: { Type: 'String' } },
        Resources: { P: role([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: { Ref: 'RoleArn' } }]) },
      });
      expect(problems).toEqual(['P.PolicyDocument: iam:PassRole requires a role resource (arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}), but the policy allows it only on nothing']);
    });

    test('GIVEN a resource of another type in the same service THEN it does not count', () => {
      const problems = templateProblems({
        Resources: { P: role([{ Effect: 'Allow', Action: 'ssm-contacts:StartEngagement', Resource: 'arn:aws:ssm-contacts:us-east-1:111122223333:rotation/r' }]) },
      });
      expect(problems).toEqual([
        'P.PolicyDocument: ssm-contacts:StartEngagement requires a contact resource (arn:${Partition}:ssm-contacts:${Region}:${Account}:contact/${ContactAlias}), but the policy allows it only on arn:aws:ssm-contacts:us-east-1:111122223333:rotation/r',
      ]);
    });
  });
});
