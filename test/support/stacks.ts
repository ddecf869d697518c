import { App, Stack } from 'aws-cdk-lib';

export const ACCOUNT = '111122223333';
export const REGION = 'us-east-1';

/** A stack in a fixed account and Region, so ARNs in assertions are concrete. */
export function newStack(id = 'Stack', region = REGION): Stack {
  return new Stack(new App(), id, { env: { account: ACCOUNT, region } });
}
