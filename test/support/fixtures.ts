import { CfnElement, Stack } from 'aws-cdk-lib';
import { ResolveContext } from './policy-sim';
import { ACCOUNT, REGION } from './stacks';
import { DayOfWeek, Impact, ResponsePlan, ResponsePlanProps, RotationRecurrence } from '../../src';

/** The name of the response plan `plan()` defines, and its ARN in the stack account. */
export const PLAN_NAME = 'critical';
export const PLAN_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/${PLAN_NAME}`;
/** A response plan of the same account that no grant under test names. */
export const OTHER_PLAN_ARN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/other`;

/** A KMS key of the stack account in us-west-2, the second Region of a replication set. */
export const WEST_KEY_ARN = `arn:aws:kms:us-west-2:${ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** A weekly recurrence that hands off on Mondays at 09:00. */
export const weekly = RotationRecurrence.weekly({ handOffs: [{ day: DayOfWeek.MONDAY, handOffTime: '09:00' }] });

/** What CDK writes for an ARN built in a stack: `arn:` + the partition + `parts`. */
export const partitionJoin = (...parts: any[]) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ...parts]] });

/** The logical ID of a CloudFormation element, or of the resource of an L2 construct. */
export const logicalId = (stack: Stack, c: any) => stack.getLogicalId(c instanceof CfnElement ? c : c.node.defaultChild ?? c.node.findChild('Resource'));

/** The `Fn::GetAtt` of a construct's ARN. */
export const getAtt = (stack: Stack, c: { node: any }) => ({ 'Fn::GetAtt': [logicalId(stack, c), 'Arn'] });

/** Every action a responder runs on an incident record; each is authorized on the record and the plan. */
export const RECORD_ACTIONS = [
  'ssm-incidents:GetIncidentRecord',
  'ssm-incidents:UpdateIncidentRecord',
  'ssm-incidents:ListTimelineEvents',
  'ssm-incidents:CreateTimelineEvent',
  'ssm-incidents:GetTimelineEvent',
  'ssm-incidents:UpdateTimelineEvent',
  'ssm-incidents:DeleteTimelineEvent',
  'ssm-incidents:ListRelatedItems',
  'ssm-incidents:UpdateRelatedItems',
];

/** The user guide's topic policy statement ("Working with chat channels"), with the topic it names. */
export const publishStatement = (topicRef: object) => ({
  Sid: 'IncidentManagerSNSPublishingPermissions',
  Effect: 'Allow',
  Principal: { Service: 'ssm-incidents.amazonaws.com' },
  Action: 'sns:Publish',
  Resource: topicRef,
  Condition: { StringEqualsIfExists: { 'AWS:SourceAccount': ACCOUNT } },
});

/** A response plan named PLAN_NAME with a title and CRITICAL impact, and `props` on top. */
export function plan(stack: Stack, props: Partial<ResponsePlanProps> = {}, id = 'Plan'): ResponsePlan {
  return new ResponsePlan(stack, id, { responsePlanName: PLAN_NAME, title: 'Checkout is down', impact: Impact.CRITICAL, ...props });
}

/** Resolve a template's policies with the plan's ARN standing for its GetAtt. */
export function ctxFor(stack: Stack, p: ResponsePlan): ResolveContext {
  return { account: ACCOUNT, region: REGION, arns: { [logicalId(stack, p)]: PLAN_ARN } };
}
