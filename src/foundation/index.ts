export * from './entries';
export * from './foundation';
