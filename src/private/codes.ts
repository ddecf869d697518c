/*
 * The stable code of every input this library rejects. A code names a rule, never a message: the
 * message may be reworded, the code stays. The README's table of codes is checked against this list
 * by test/errors.test.ts.
 */
export const ERROR_CODES = {
  INPUT: 'Props and arguments are given, of the type they are documented as (checked at run time for JavaScript and the other jsii languages).',
  ARN: 'An ARN given to an importer is not of the service and resource type the importer reads.',
  REPLICATION_SET_REGIONS: 'A replication set has 1 to 3 Regions, each a valid Region name, each once.',
  REPLICATION_SET_KEYS: 'A replication set has a customer-managed key in every Region or in none, each key in its Region.',
  REPLICATION_SET_SINGLETON: 'An account has one replication set: a second one in the app for the same account is an error.',
  REPLICATION_SET_REMOVAL: 'RemovalPolicy.DESTROY needs deletion protection off.',
  REMOVAL_POLICY: 'An Incident Manager resource takes RemovalPolicy.RETAIN, RETAIN_ON_UPDATE_OR_DELETE or DESTROY: CloudFormation cannot snapshot it.',
  KEY: 'A key Incident Manager uses must be a symmetric encryption key, defined in the app when its policy is to be changed.',
  CONTACT_ALIAS: 'A contact, escalation plan or on-call schedule alias is 1 to 255 lower-case letters, digits, _ and - (the API refuses a dot).',
  CONTACT_DISPLAY_NAME: 'A display name is 1 to 255 letters, digits, spaces and _ -.',
  CONTACT_ALIAS_UNIQUE: 'An alias is used by one contact, escalation plan or on-call schedule per account and Region in the app.',
  CHANNEL: 'A contact channel has a valid, unique name and an e-mail address or an E.164 phone number.',
  ENGAGEMENT_PLAN: "A stage of a contact's engagement plan names the contact's own channels, with durations in range.",
  ESCALATION_PLAN: 'An escalation plan\'s stages last 0 to 30 minutes and engage contacts of its account.',
  ESCALATION_CYCLE: 'Escalation plans do not engage each other in a cycle.',
  PERSONAL_CONTACT: 'Only personal contacts take shifts in a rotation.',
  ROTATION: 'A rotation has 1 to 30 contacts and a valid name.',
  ROTATION_START_TIME: 'A rotation starts at a real date and time.',
  ROTATION_TIME_ZONE: 'A rotation time zone is an IANA name Incident Manager accepts.',
  ROTATION_RECURRENCE: 'A recurrence has hand-offs at real times, valid days and on-call counts and multipliers in range.',
  SHIFT_COVERAGE: 'Shift coverage hours are real times, and each day\'s start comes before its end.',
  ON_CALL_SCHEDULE: 'An on-call schedule has up to 8 rotations, each once.',
  ON_CALL_COVERAGE: 'Someone is on call at every moment of the checked weeks, and on-call questions name rotations defined with values.',
  RESPONSE_PLAN_NAME: 'A response plan name is 1 to 200 letters, digits, _ and -.',
  RESPONSE_PLAN_NAME_UNIQUE: 'A response plan name is used once per account in the app.',
  INCIDENT_TEMPLATE: 'The incident template (display name, title, summary, dedupe string, tags) is within the API limits.',
  RESPONSE_PLAN_ENGAGEMENTS: 'A response plan engages up to 5 contacts, each once.',
  TOPIC: "A topic Incident Manager publishes to is a standard topic of the plan's account (and Region; a chat channel's 1 to 5 topics may be in other Regions), each named once.",
  CHAT_CHANNEL: "A chat channel's Slack and Teams entries are channel configurations, each with the role it runs as.",
  RUNBOOK: 'A runbook document is a valid Automation document name or ARN, and its version is $DEFAULT, $LATEST or a number.',
  RUNBOOK_PARAMETERS: 'Runbook parameters are within the API limits, set once, and declared by the document when that is known.',
  RUNBOOK_ROLE: 'The runbook role options fit together (target account, automation assume role, impacted accounts, role).',
  PAGERDUTY: 'A PagerDuty integration has a name and service ID in range and a secret encrypted with a customer-managed key.',
  RULE_TARGET: 'An EventBridge rule targets a response plan of its own account.',
  CROSS_ACCOUNT: 'The two sides of the cross-account set-up name valid, distinct accounts, plans, Regions, role names and an event bus of their own, with each fixed-name role once per account and each bus once per Region.',
  SHARE: 'A resource share names resources of this app, each once, and valid account, OU or organization principals, each once.',
  ANALYSIS_TEMPLATE: 'A post-incident analysis template has a valid document name, not reserved by AWS, and content within the size limit.',
  STACK_QUOTA: "A stack stays within CloudFormation's per-template quotas.",
  TAGS: 'Tags that reach a resource (also from Tags.of(app)) match what that resource type accepts.',
  FOUNDATION: 'Foundation props fit together: nothing given is silently ignored, and aliases refer to entries defined before.',
} as const;

/** The stable code of a rule. */
export type ErrorCode = keyof typeof ERROR_CODES;
