/*
 * Credential and network errors of the AWS SDK, said as what to do. The SDK's credential providers
 * throw CredentialsProviderError (and its base ProviderError, or TokenProviderError for SSO tokens) when
 * no provider of the chain finds credentials (@smithy/property-provider); Node.js's DNS and socket
 * errors carry a `code` (ENOTFOUND, EAI_AGAIN: the host name does not resolve; ECONNREFUSED,
 * ETIMEDOUT: nothing answers) and the host (`hostname` or `address`).
 */

const CREDENTIAL_ERRORS = ['CredentialsProviderError', 'ProviderError', 'TokenProviderError'];
const NETWORK_CODES = ['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ETIMEDOUT'];

/** Whether an error means no call can succeed: no credentials, or the endpoint cannot be reached. */
export function isCredentialOrNetworkError(e: unknown): boolean {
  return explainAwsError(e) !== undefined;
}

/**
 * What to do about a credential or network error, or undefined for any other error. `profile` is the
 * `--profile` the user gave, `region` the `--region`.
 */
export function explainAwsError(e: unknown, profile?: string, region?: string): string | undefined {
  const error = e as { name?: string; message?: string; code?: string; hostname?: string; address?: string; port?: number };
  if (!error || typeof error !== 'object') return undefined;
  const detail = error.message ? ` (${error.message})` : '';
  if (CREDENTIAL_ERRORS.includes(error.name ?? '')) {
    return profile
      ? `no credentials for profile ${profile}: run \`aws sso login --profile ${profile}\` or \`aws configure --profile ${profile}\`${detail}`
      : `no AWS credentials: give --profile <profile> (a profile of your AWS configuration), or run \`aws sso login\` or \`aws configure\`${detail}`;
  }
  const code = NETWORK_CODES.find((c) => error.code === c || (error.message ?? '').includes(` ${c} `) || (error.message ?? '').endsWith(` ${c}`));
  if (code) {
    const host = error.hostname ?? /ENOTFOUND (\S+)/.exec(error.message ?? '')?.[1] ?? error.address ?? 'the AWS endpoint';
    const where = region ? `the Region (--region ${region})` : 'the Region';
    return `cannot reach ${host}${error.port ? ` port ${error.port}` : ''}: check ${where}, your network or proxy (HTTPS_PROXY)${detail}`;
  }
  return undefined;
}
