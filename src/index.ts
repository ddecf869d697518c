export * from './replication-set';
export * from './incident-manager-key';
export * from './contact-base';
export * from './contact';
export * from './escalation-plan';
export * from './rotation';
export * from './on-call-schedule';
