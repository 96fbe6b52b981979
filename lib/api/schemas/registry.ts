// The named schemas of the API description: each becomes components/schemas/<id> in
// /api/openapi.json and is referenced from every operation that uses it.
import { z } from "zod";

export const apiSchemas = z.registry<{ id: string }>();

/** Registers `schema` under `id` and returns it, so a module can export the named schema itself. */
export function named<S extends z.ZodType>(id: string, schema: S): S {
  apiSchemas.add(schema, { id });
  return schema;
}

/** An ISO 8601 time as the API writes it (Date.toISOString()). */
export const DateTime = z.string().meta({ format: "date-time" });

/** A BCP-47 language code of a project's language. */
export const Lang = z.string().describe("BCP-47 language code, e.g. en, kk");

export const Count = z.number().int().min(0);
