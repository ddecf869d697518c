import { aws_kms as kms } from 'aws-cdk-lib';
import { Token } from './core';
import { IncidentManagerValidationError, Where } from './errors';

/**
 * Throws when a key defined in this app is not a symmetric encryption key. Incident Manager encrypts
 * its data (user guide, "Data protection") and reads a PagerDuty secret ("Storing PagerDuty access
 * credentials": key type Symmetric, usage Encrypt and decrypt) only with symmetric encryption keys.
 * Imported keys, and values that are tokens, are not checked.
 */
export function checkSymmetricKey(where: Where, what: string, key: kms.IKey): void {
  const cfn = key.node.defaultChild;
  if (!(cfn instanceof kms.CfnKey)) {
    return;
  }
  const spec = cfn.keySpec;
  const usage = cfn.keyUsage;
  const badSpec = spec !== undefined && !Token.isUnresolved(spec) && spec !== kms.KeySpec.SYMMETRIC_DEFAULT;
  const badUsage = usage !== undefined && !Token.isUnresolved(usage) && usage !== kms.KeyUsage.ENCRYPT_DECRYPT;
  if (badSpec || badUsage) {
    throw new IncidentManagerValidationError(
      where,
      what,
      `${key.node.path} with key spec ${spec ?? kms.KeySpec.SYMMETRIC_DEFAULT} and usage ${usage ?? kms.KeyUsage.ENCRYPT_DECRYPT}`,
      'be a symmetric encryption key (KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT)',
      'KEY',
    );
  }
}

/**
 * Whether a key is a multi-Region key, when that is known: from a key defined in this app, or from
 * an imported key's ID (multi-Region key IDs start with `mrk-`). Undefined when unknown.
 */
export function isMultiRegionKey(key: kms.IKey): boolean | undefined {
  const cfn = key.node.defaultChild;
  if (cfn instanceof kms.CfnKey) {
    const multi = cfn.multiRegion;
    return Token.isUnresolved(multi) ? undefined : multi === true;
  }
  if (key.node.defaultChild === undefined && !Token.isUnresolved(key.keyId)) {
    return key.keyId.startsWith('mrk-');
  }
  return undefined;
}
