/**
 * Validating one raw entry with the schema of its source (zod 4, or any Standard Schema) and salvaging what
 * can be salvaged: wrong optional fields are dropped and reported, and the entry is kept.
 */
import { safeParse } from 'zod/mini';
import type * as zc from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import type { ParseContext } from './source.js';

type Path = PropertyKey[];

// English messages for this parse only: the core schemas are zod/mini (a browser widget pays for what it
// uses), which loads no locale, and setting one globally with z.config would change the user's zod too.
const parseOptions = { error: en().localeError };
/** Any zod 4 schema: classic (`zod`) and mini (`zod/mini`) both work. */
export type Zod4Schema = zc.$ZodType;
type AnySchema = Zod4Schema;

/**
 * A Standard Schema v1 validator (https://standardschema.dev): zod 3.24+ and 4, valibot, arktype and others
 * implement it. The interface is the spec's own, copied as it asks, so no package is needed for it.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => StandardSchemaV1.Result<Output> | Promise<StandardSchemaV1.Result<Output>>;
    readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  };
}

export declare namespace StandardSchemaV1 {
  type Result<Output> =
    | { readonly value: Output; readonly issues?: undefined }
    | { readonly issues: ReadonlyArray<Issue> };
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
  }
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/** What `validateEntry` accepts: a zod 4 schema (classic or mini) or any Standard Schema. */
export type EntrySchema = Zod4Schema | StandardSchemaV1;

type Checked =
  | { success: true; data: unknown }
  | { success: false; issues: { path: PropertyKey[]; message: string }[] };

function isZod4(schema: EntrySchema): schema is AnySchema {
  return typeof schema === 'object' && schema !== null && '_zod' in schema;
}

/**
 * Validate with the schema's own library: zod 4 through its parser (English messages for this parse only),
 * anything else through its Standard Schema interface (zod 3, valibot, arktype, …).
 */
function check(schema: EntrySchema, value: unknown): Checked {
  if (isZod4(schema)) {
    const result = safeParse(schema, value, parseOptions);
    return result.success
      ? { success: true, data: result.data }
      : { success: false, issues: result.error.issues.map(({ path, message }) => ({ path, message })) };
  }
  const standard = (schema as Partial<StandardSchemaV1>)['~standard'];
  if (standard?.version !== 1 || typeof standard.validate !== 'function') {
    throw new TypeError('validateEntry needs a zod 4 schema or a Standard Schema (zod 3.24+, valibot, arktype, …)');
  }
  const result = standard.validate(value);
  if (result instanceof Promise) {
    throw new TypeError('validateEntry needs a synchronous schema: this one validates asynchronously');
  }
  if (!result.issues) return { success: true, data: result.value };
  return {
    success: false,
    issues: result.issues.map((issue) => ({
      message: issue.message,
      path: (issue.path ?? []).map((segment) =>
        typeof segment === 'object' && segment !== null ? segment.key : segment,
      ),
    })),
  };
}

/** Salvage rounds; each handles every issue at once, so only nesting (a few levels) needs another round. */
const MAX_SALVAGE_ROUNDS = 32;

interface Removal {
  path: Path;
  /** The problem that first led here, reported if the entry cannot be salvaged. */
  origin: { path: Path; message: string };
  /** The original value, reported with the warning. */
  value: unknown;
}

/**
 * Validate one raw entry against its schema — zod 4 (classic or mini), or any Standard Schema v1 such as
 * zod 3.24+, valibot or arktype — salvaging what can be salvaged: when only optional fields
 * are wrong, they are dropped and reported as warnings and the entry is kept. Returns `undefined` (after
 * reporting an error) when a required part is wrong.
 *
 * Every round drops every offending field at once and validates again; a removal that makes its parent
 * invalid (the field was required) moves up to the parent. Cost: a few validations of the entry however many
 * fields are wrong; one field per round would be quadratic in the fields.
 */
export function validateEntry<T extends AnySchema>(
  schema: T,
  raw: unknown,
  basePath: ReadonlyArray<string | number>,
  context: ParseContext,
): zc.output<T> | undefined;
export function validateEntry<T extends StandardSchemaV1>(
  schema: T,
  raw: unknown,
  basePath: ReadonlyArray<string | number>,
  context: ParseContext,
): StandardSchemaV1.InferOutput<T> | undefined;
export function validateEntry(
  schema: EntrySchema,
  raw: unknown,
  basePath: ReadonlyArray<string | number>,
  context: ParseContext,
): unknown;
export function validateEntry(
  schema: EntrySchema,
  raw: unknown,
  basePath: ReadonlyArray<string | number>,
  context: ParseContext,
): unknown {
  let result = check(schema, raw);
  if (result.success) return result.data;

  const removals = new Map<string, Removal>();
  let fatal: { path: Path; message: string } | undefined;
  let toOriginal: (path: PropertyKey[]) => Path = (path) => path;
  for (let round = 0; round < MAX_SALVAGE_ROUNDS && !result.success && fatal === undefined; round++) {
    const moved = new Set<Removal>();
    for (const issue of result.issues) {
      const path = toOriginal(issue.path);
      const owner = ownerOf(removals, path);
      if (owner !== undefined) {
        // Removing `owner.path` broke its parent: the field was required there, so the parent goes instead.
        if (moved.has(owner)) continue;
        moved.add(owner);
        removals.delete(keyOf(owner.path));
        owner.path = owner.path.slice(0, -1);
        if (owner.path.length === 0) fatal = owner.origin;
        else addRemoval(removals, { ...owner, value: getAt(raw, owner.path) });
        continue;
      }
      // A missing required field is absent from the raw value: its nearest present ancestor goes.
      let target = path;
      while (target.length > 0 && getAt(raw, target) === undefined) target = target.slice(0, -1);
      if (target.length === 0) {
        fatal = { path, message: issue.message };
        break;
      }
      addRemoval(removals, { path: target, origin: { path, message: issue.message }, value: getAt(raw, target) });
    }
    if (fatal) break;
    const pruned = removeAll(
      raw,
      [...removals.values()].map((removal) => removal.path),
    );
    toOriginal = pruned.toOriginal;
    result = check(schema, pruned.value);
  }

  if (result.success && fatal === undefined) {
    for (const { path, origin, value } of outermost(removals)) {
      context.warn(
        { path: [...basePath, ...(path as (string | number)[])] },
        `dropped ${formatPath(path)}: ${origin.message}`,
        value,
      );
    }
    return result.data;
  }
  const problem = fatal ?? (result.success ? undefined : toProblem(result.issues[0], toOriginal));
  const path = (problem?.path ?? []) as (string | number)[];
  const where = path.length > 0 ? ` at ${formatPath(path)}` : '';
  context.reject({ path: [...basePath, ...path] }, `invalid entry${where}: ${problem?.message ?? 'unknown'}`, raw);
  return undefined;
}

function toProblem(
  issue: { path: PropertyKey[]; message: string } | undefined,
  toOriginal: (path: PropertyKey[]) => Path,
): { path: Path; message: string } | undefined {
  return issue && { path: toOriginal(issue.path), message: issue.message };
}

// Path keys are joined with NUL, which no schema key holds; they are hot (one per issue and prefix).
function keyOf(path: Path): string {
  return path.map(String).join('\u0000');
}

/** The removal at `path` or at one of its ancestors (the deepest). */
function ownerOf(removals: Map<string, Removal>, path: Path): Removal | undefined {
  if (removals.size === 0) return undefined;
  const keys: string[] = [];
  let key = '';
  for (let index = 0; index < path.length; index++) {
    key = index === 0 ? String(path[index]) : `${key}\u0000${String(path[index])}`;
    keys.push(key);
  }
  for (let index = keys.length - 1; index >= 0; index--) {
    const removal = removals.get(keys[index] as string);
    if (removal) return removal;
  }
  return undefined;
}

/** Add a removal unless an ancestor already goes (those below a later ancestor are dropped at the end). */
function addRemoval(removals: Map<string, Removal>, removal: Removal): void {
  if (!ownerOf(removals, removal.path)) removals.set(keyOf(removal.path), removal);
}

/** The removals that are not inside another one: what was really dropped. */
function outermost(removals: Map<string, Removal>): Removal[] {
  return [...removals.values()].filter((removal) => ownerOf(removals, removal.path.slice(0, -1)) === undefined);
}

interface Trie {
  remove: boolean;
  children: Map<PropertyKey, Trie>;
}

/**
 * Copy `value` without the given paths (array elements are taken out, object keys deleted), and map a path
 * in the copy back to the original (array indexes shift when elements before them are taken out).
 */
function removeAll(value: unknown, paths: Path[]): { value: unknown; toOriginal: (path: PropertyKey[]) => Path } {
  const root: Trie = { remove: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const key of path) {
      let child = node.children.get(key);
      if (!child) {
        child = { remove: false, children: new Map() };
        node.children.set(key, child);
      }
      node = child;
    }
    node.remove = true;
  }
  const kept = new Map<Trie, number[]>();
  const prune = (item: unknown, node: Trie): unknown => {
    if (item === null || typeof item !== 'object' || node.children.size === 0) return item;
    if (Array.isArray(item)) {
      const copy: unknown[] = [];
      const indexes: number[] = [];
      item.forEach((element, index) => {
        const child = node.children.get(index);
        if (child?.remove) return;
        indexes.push(index);
        copy.push(child ? prune(element, child) : element);
      });
      kept.set(node, indexes);
      return copy;
    }
    const copy: Record<PropertyKey, unknown> = { ...(item as Record<PropertyKey, unknown>) };
    for (const [key, child] of node.children) {
      if (!Object.hasOwn(copy, key)) continue;
      if (child.remove) delete copy[key];
      else copy[key] = prune(copy[key], child);
    }
    return copy;
  };
  const toOriginal = (path: PropertyKey[]): Path => {
    const original: Path = [];
    let node: Trie | undefined = root;
    for (const key of path) {
      const indexes = node && typeof key === 'number' ? kept.get(node) : undefined;
      const originalKey = indexes?.[key as number] ?? key;
      original.push(originalKey);
      node = node?.children.get(originalKey);
    }
    return original;
  };
  return { value: prune(value, root), toOriginal };
}

function getAt(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function formatPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`))
    .join('');
}
