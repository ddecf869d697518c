import * as fs from 'fs';
import * as path from 'path';

/*
 * Validates the Properties of a CloudFormation resource against its resource provider schema
 * (test/support/cfn-schemas, copied from cfn-lint: see SOURCES.md there).
 *
 * A small JSON-schema evaluator instead of a general one, because templates hold intrinsic
 * functions where the schema expects a value: `{ Ref }` and `{ Fn::* }` stand for a value of any type
 * (checked separately: their targets must exist), `Fn::If` is checked on both branches, and
 * `Ref: AWS::NoValue` removes the property. It implements every keyword the copied schemas use,
 * including cfn-lint's extensions (requiredXor, requiredOr, dependentExcluded, maxUniqueItems).
 * `format` is not checked: cfn-lint's formats name CloudFormation types, not JSON-schema formats.
 */

const SCHEMA_DIR = path.join(__dirname, 'cfn-schemas');

type Json = any;

const schemaCache = new Map<string, Json | undefined>();

/** The schema file name of a resource type: AWS::SSMContacts::Contact -> aws-ssmcontacts-contact.json */
export function schemaFileFor(resourceType: string): string {
  return `${resourceType.toLowerCase().replace(/::/g, '-')}.json`;
}

export function loadSchema(resourceType: string): Json | undefined {
  if (!schemaCache.has(resourceType)) {
    const file = path.join(SCHEMA_DIR, schemaFileFor(resourceType));
    schemaCache.set(resourceType, fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf-8')) : undefined);
  }
  return schemaCache.get(resourceType);
}

/** True for `{ Ref: ... }` and `{ 'Fn::...': ... }`: a value known only at deployment. */
export function isIntrinsic(value: Json): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

function isNoValue(value: Json): boolean {
  return isIntrinsic(value) && value.Ref === 'AWS::NoValue';
}

/**
 * Returns one message per violation of the schema by `properties` (the resource's Properties),
 * each naming the JSON path of the offending value.
 */
export function validateProperties(resourceType: string, properties: Json): string[] {
  const schema = loadSchema(resourceType);
  if (!schema) {
    return [`no schema for ${resourceType}: copy ${schemaFileFor(resourceType)} into test/support/cfn-schemas`];
  }
  const errors: string[] = [];
  const props = properties ?? {};
  for (const readOnly of schema.readOnlyProperties ?? []) {
    const name = String(readOnly).replace('/properties/', '');
    if (!name.includes('/') && name in props) {
      errors.push(`Properties.${name}: is read-only and cannot be set`);
    }
  }
  check(schema, schema, props, 'Properties', errors);
  return errors;
}

function resolveRef(root: Json, ref: string): Json {
  if (!ref.startsWith('#/')) {
    throw new Error(`unsupported $ref ${ref}`);
  }
  return ref
    .slice(2)
    .split('/')
    .reduce((node: Json, part: string) => node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], root);
}

function typeOf(value: Json): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(expected: string, value: Json): boolean {
  const actual = typeOf(value);
  return actual === expected || (expected === 'number' && actual === 'integer');
}

const regexCache = new Map<string, RegExp>();
function regex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      // A few schema patterns (lone surrogate ranges) are valid only without the `u` flag.
      re = new RegExp(pattern);
    }
    regexCache.set(pattern, re);
  }
  return re;
}

function present(obj: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key) && !isNoValue(obj[key]);
}

/** Checks `value` at `where` against `schema`, appending messages to `errors`. */
function check(root: Json, schema: Json, value: Json, where: string, errors: string[]): void {
  if (schema === true || schema === undefined) {
    return;
  }
  if (isIntrinsic(value)) {
    if ('Fn::If' in value && Array.isArray(value['Fn::If'])) {
      for (const branch of value['Fn::If'].slice(1)) {
        if (!isNoValue(branch)) {
          check(root, schema, branch, where, errors);
        }
      }
    }
    return;
  }
  if (schema.$ref) {
    check(root, resolveRef(root, schema.$ref), value, where, errors);
  }

  if (schema.type !== undefined) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(t, value))) {
      errors.push(`${where}: expected ${types.join(' or ')}, got ${typeOf(value)} ${JSON.stringify(value)}`);
      return;
    }
  }
  if (schema.enum && !schema.enum.some((e: Json) => JSON.stringify(e) === JSON.stringify(value))) {
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if (schema.const !== undefined && JSON.stringify(schema.const) !== JSON.stringify(value)) {
    errors.push(`${where}: must be ${JSON.stringify(schema.const)}`);
  }

  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      errors.push(`${where}: "${value}" is shorter than ${schema.minLength}`);
    }
    if (schema.maxLength !== undefined && value.length > schema.maxLength) {
      errors.push(`${where}: "${value}" is longer than ${schema.maxLength}`);
    }
    if (schema.pattern !== undefined && !regex(schema.pattern).test(value)) {
      errors.push(`${where}: "${value}" does not match ${schema.pattern}`);
    }
  }

  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) {
      errors.push(`${where}: ${value} is less than ${schema.minimum}`);
    }
    if (schema.maximum !== undefined && value > schema.maximum) {
      errors.push(`${where}: ${value} is greater than ${schema.maximum}`);
    }
  }

  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      errors.push(`${where}: has ${value.length} items, fewer than ${schema.minItems}`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      errors.push(`${where}: has ${value.length} items, more than ${schema.maxItems}`);
    }
    const unique = new Set(value.map((v) => JSON.stringify(v)));
    if (schema.uniqueItems === true && unique.size !== value.length) {
      errors.push(`${where}: items are not unique`);
    }
    if (schema.maxUniqueItems !== undefined && unique.size > schema.maxUniqueItems) {
      errors.push(`${where}: has ${unique.size} distinct items, more than ${schema.maxUniqueItems}`);
    }
    if (schema.items !== undefined) {
      value.forEach((item, i) => check(root, schema.items, item, `${where}[${i}]`, errors));
    }
  }

  if (typeOf(value) === 'object') {
    checkObject(root, schema, value, where, errors);
  }

  if (schema.allOf) {
    for (const sub of schema.allOf) check(root, sub, value, where, errors);
  }
  if (schema.anyOf) {
    const passing = schema.anyOf.filter((sub: Json) => errorsOf(root, sub, value, where).length === 0);
    if (passing.length === 0) {
      errors.push(`${where}: matches none of anyOf ${describeAlternatives(schema.anyOf)}`);
    }
  }
  if (schema.oneOf) {
    const passing = schema.oneOf.filter((sub: Json) => errorsOf(root, sub, value, where).length === 0);
    if (passing.length !== 1) {
      errors.push(`${where}: matches ${passing.length} of oneOf ${describeAlternatives(schema.oneOf)}, must match exactly 1`);
    }
  }
  if (schema.not && errorsOf(root, schema.not, value, where).length === 0) {
    errors.push(`${where}: matches a schema it must not match (${JSON.stringify(schema.not)})`);
  }
}

function errorsOf(root: Json, schema: Json, value: Json, where: string): string[] {
  const errors: string[] = [];
  check(root, schema, value, where, errors);
  return errors;
}

function describeAlternatives(alternatives: Json[]): string {
  return alternatives.map((a) => (a.required ? `{required: ${a.required.join(',')}}` : a.$ref ?? JSON.stringify(a))).join(' | ');
}

function checkObject(root: Json, schema: Json, value: Json, where: string, errors: string[]): void {
  const keys = Object.keys(value).filter((k) => !isNoValue(value[k]));
  for (const required of schema.required ?? []) {
    if (!present(value, required)) {
      errors.push(`${where}: required property ${required} is missing`);
    }
  }
  const properties = schema.properties ?? {};
  const patternProperties = schema.patternProperties ?? {};
  for (const key of keys) {
    const at = `${where}.${key}`;
    let known = false;
    if (key in properties) {
      known = true;
      check(root, properties[key], value[key], at, errors);
    }
    for (const [pattern, sub] of Object.entries(patternProperties)) {
      if (regex(pattern).test(key)) {
        known = true;
        check(root, sub, value[key], at, errors);
      }
    }
    if (!known) {
      if (schema.additionalProperties === false) {
        errors.push(`${at}: is not a property of this type (allowed: ${Object.keys(properties).join(', ')})`);
      } else if (typeof schema.additionalProperties === 'object') {
        check(root, schema.additionalProperties, value[key], at, errors);
      }
    }
  }

  // cfn-lint extensions
  if (schema.requiredXor) {
    const count = schema.requiredXor.filter((k: string) => present(value, k)).length;
    if (count !== 1) {
      errors.push(`${where}: exactly one of ${schema.requiredXor.join(', ')} is required (found ${count})`);
    }
  }
  if (schema.requiredOr) {
    if (!schema.requiredOr.some((k: string) => present(value, k))) {
      errors.push(`${where}: one of ${schema.requiredOr.join(', ')} is required`);
    }
  }
  for (const [key, excluded] of Object.entries<string[]>(schema.dependentExcluded ?? {})) {
    if (present(value, key)) {
      for (const other of excluded) {
        if (present(value, other)) {
          errors.push(`${where}: ${key} and ${other} cannot both be set`);
        }
      }
    }
  }
  for (const [key, needed] of Object.entries<string[]>(schema.dependentRequired ?? {})) {
    if (present(value, key)) {
      for (const other of needed) {
        if (!present(value, other)) {
          errors.push(`${where}: ${key} requires ${other}`);
        }
      }
    }
  }
}
