export * from './replication-set';
export * from './incident-manager-key';
export * from './contact-base';
export * from './contact';
