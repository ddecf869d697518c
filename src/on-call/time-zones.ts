/*
 * Which IANA time zone names a rotation takes: region-based, canonical names that Incident Manager
 * accepts (SSM Contacts API reference, CreateRotation: TimeZoneId).
 */
import { TimeZone } from 'aws-cdk-lib';
import { Token } from '../private/core';
import { IncidentManagerValidationError, Where } from '../private/errors';

/**
 * Time zone names known to be valid: those aws-cdk-lib's TimeZone lists, and those a formatter
 * accepted. Asking Intl first would load ICU's time zone data in every synthesis.
 */
let knownTimeZones: Set<string> | undefined;

/** Throws unless `timeZone` (when known at synthesis) is a name Incident Manager takes. */
export function checkTimeZone(scope: Where, timeZone: string): void {
  knownTimeZones ??= new Set(Object.values(TimeZone).filter((z): z is TimeZone => z instanceof TimeZone).map((z) => z.timezoneName));
  if (Token.isUnresolved(timeZone)) {
    return;
  }
  const allowed = 'be an IANA time zone name such as America/Los_Angeles or UTC';
  // Incident Manager takes region-based IANA names (SSM Contacts API reference, CreateRotation:
  // "America/Los_Angeles", "UTC", "Asia/Seoul") and refuses the fixed-offset Etc/GMT±N zones, which
  // aws-cdk-lib's TimeZone lists too.
  if (/^Etc\/GMT[+-]\d{1,2}$/.test(timeZone)) {
    throw new IncidentManagerValidationError(scope, '`timeZone`', timeZone, `${allowed}, not a fixed-offset Etc/GMT zone (Incident Manager refuses them)`, 'ROTATION_TIME_ZONE');
  }
  // "Designators for time zones that don't support Daylight Savings Time rules, such as Pacific
  // Standard Time (PST) and Pacific Daylight Time (PDT), are not supported" (same page): names without a
  // region (EST, PST8PDT, CET), which IANA keeps only for compatibility, apart from UTC, AWS's own example.
  if (!timeZone.includes('/') && timeZone !== 'UTC') {
    throw new IncidentManagerValidationError(scope, '`timeZone`', timeZone, `${allowed}, not a designator without a region (Incident Manager does not support designators such as PST and PDT)`, 'ROTATION_TIME_ZONE');
  }
  if (timeZone === 'UTC' || knownTimeZones.has(timeZone)) {
    return;
  }
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new IncidentManagerValidationError(scope, '`timeZone`', timeZone, allowed, 'ROTATION_TIME_ZONE');
  }
  // An alias (a Link of the IANA database, such as US/Pacific or Asia/Calcutta) is not a zone of its
  // own: the names AWS gives (America/Los_Angeles, Asia/Seoul) are canonical zone names, which
  // aws-cdk-lib's TimeZone lists. An alias is refused, with the canonical name it stands for.
  const canonical = canonicalOf(resolved);
  if (canonical !== undefined && canonical !== timeZone) {
    throw new IncidentManagerValidationError(scope, '`timeZone`', timeZone, `${allowed}: a canonical IANA name, not an alias (use ${canonical})`, 'ROTATION_TIME_ZONE');
  }
  knownTimeZones.add(timeZone);
}

/** Canonical IANA names (aws-cdk-lib's TimeZone list) by the name ICU gives them (Asia/Calcutta for Asia/Kolkata). */
let byIcuName: Map<string, string> | undefined;

/** The canonical IANA name of a zone ICU resolved to `resolved`, when aws-cdk-lib's TimeZone lists it. */
function canonicalOf(resolved: string): string | undefined {
  if (!byIcuName) {
    byIcuName = new Map();
    // Region-based names only: ICU resolves PST8PDT, say, to America/Los_Angeles too.
    for (const name of [...knownTimeZones!].filter((n) => n.includes('/') && !n.startsWith('Etc/'))) {
      try {
        const icuName = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
        if (!byIcuName.has(icuName) || icuName === name) byIcuName.set(icuName, name);
      } catch {
        // a name this Node.js does not know
      }
    }
  }
  return byIcuName.get(resolved);
}
