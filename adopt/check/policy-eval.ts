/*
 * Whether a resource policy (a topic, key or secret policy, or a role's trust policy) lets a service
 * principal make a request. A reading of the policy, not IAM's evaluation: an Allow statement whose
 * principal is the service (or `*`), whose actions match, and whose `aws:SourceAccount` condition, if
 * it has one, names the account; a Deny statement for the service and the action without conditions
 * wins. Other conditions are taken as met (Incident Manager's requests carry the confused-deputy keys
 * the user guide's examples use, nothing this command can read).
 */

type Statement = {
  Effect?: string;
  Principal?: unknown;
  Action?: string | string[];
  Condition?: { [operator: string]: { [key: string]: string | string[] } };
};

/** `*` and `?` of IAM's action matching, case-insensitively. */
function matches(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(value);
}

function namesService(principal: unknown, service: string): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  const p = principal as { Service?: string | string[]; AWS?: string | string[] };
  return [p.Service ?? []].flat().includes(service) || [p.AWS ?? []].flat().includes('*');
}

function sourceAccountMet(condition: Statement['Condition'], account: string): boolean {
  for (const [operator, keys] of Object.entries(condition ?? {})) {
    for (const [key, value] of Object.entries(keys)) {
      if (key.toLowerCase() !== 'aws:sourceaccount') continue;
      if (!/^String(Equals|Like)(IfExists)?$/.test(operator)) continue;
      if (![value].flat().some((v) => matches(v, account))) return false;
    }
  }
  return true;
}

/** Whether `policy` (JSON text) lets `service` call `action` for the account's requests. */
export function admitsService(policy: string | undefined, service: string, action: string, account: string): boolean {
  if (!policy) return false;
  let document: { Statement?: Statement | Statement[] };
  try {
    document = JSON.parse(policy);
  } catch {
    return false;
  }
  const statements = [document.Statement ?? []].flat();
  const applies = (s: Statement) => namesService(s.Principal, service) && [s.Action ?? []].flat().some((a) => matches(a, action));
  if (statements.some((s) => s.Effect === 'Deny' && applies(s) && !s.Condition)) return false;
  return statements.some((s) => s.Effect === 'Allow' && applies(s) && sourceAccountMet(s.Condition, account));
}
