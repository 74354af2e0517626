/**
 * The registry of named API shapes: each schema registered here with an id becomes one entry of the
 * OpenAPI document's `components.schemas`, and routes refer to it by `$ref` instead of repeating it.
 * A registry of our own (not zod's global one) so a module loaded twice (vitest isolates test files)
 * never meets an id it registered before.
 */
import { z } from 'zod';

export const contractRegistry = z.registry<{ id: string; description?: string }>();

/**
 * The descriptions written with `.describe()` (parameters, fields) live in zod's global registry, but
 * the OpenAPI transform reads metadata from this registry only (and copies it by its `_map`): looking
 * there next keeps every parameter's and field's description in the document.
 */
class MetadataWithDescriptions<K extends object, V> extends WeakMap<K, V> {
  constructor(private readonly fallback: WeakMap<K, V>) {
    super();
  }
  override get(key: K): V | undefined {
    return super.get(key) ?? this.fallback.get(key);
  }
  override has(key: K): boolean {
    return super.has(key) || this.fallback.has(key);
  }
}
contractRegistry._map = new MetadataWithDescriptions(z.globalRegistry._map as unknown as typeof contractRegistry._map);

/** Registers `schema` under `id` (the OpenAPI component name) and returns it, for `const X = named('X', ...)`. */
export function named<S extends z.ZodType>(id: string, schema: S, description?: string): S {
  contractRegistry.add(schema, description === undefined ? { id } : { id, description });
  return schema;
}

/**
 * What a service must build for a contract: its input type with arrays and fields readonly (services
 * keep their data readonly) and without the open index of a loose object (an event's own figures),
 * which a service's interface does not declare. The compiler holds each service to its contract.
 */
export type ContractInput<S extends z.ZodType> = ReadonlyDeep<z.input<S>>;

type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T as string extends K ? never : K]: ReadonlyDeep<T[K]> }
    : T;
