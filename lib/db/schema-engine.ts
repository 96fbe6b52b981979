// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. It does what
// `prisma migrate` does without the native engine binary, keeping the same migrations layout and
// the same _prisma_migrations table, so `prisma migrate deploy` still works where the binary exists.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm")> | undefined;

// Loads the wasm module by hand: Node 20 cannot import .wasm files without an experimental flag.
function loadWasm() {
  wasmReady ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    // The package exports no path to its .wasm file; it sits beside the bindings.
    const bindings = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bytes = await readFile(path.join(path.dirname(bindings), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return bg as unknown as typeof import("@prisma/schema-engine-wasm");
  })();
  return wasmReady;
}

/**
 * better-sqlite3 refuses to prepare several statements at once, and the engine sends a whole
 * migration.sql through executeRaw. Parameterless scripts are retried with executeScript.
 */
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop !== "executeRaw") return Reflect.get(target, prop, receiver);
      return async (query: SqlQuery) => {
        try {
          return await executeRaw(query);
        } catch (error) {
          const text = `${(error as Error)?.message} ${JSON.stringify(error)}`;
          if (query.args.length > 0 || !/more than one statement/i.test(text)) throw error;
          await target.executeScript(query.sql);
          return 0;
        }
      };
    },
  });
}

/**
 * @prisma/adapter-pg runs a script by splitting it at every ";", which breaks a function body (the
 * revision triggers) and even a comment. A script without parameters goes to PostgreSQL whole
 * instead, as one simple-protocol query: PostgreSQL runs it as one transaction, so a migration that
 * fails leaves nothing behind.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  return new Proxy(adapter, {
    get(target, prop, receiver) {
      if (prop !== "executeScript") return Reflect.get(target, prop, receiver);
      return async (script: string) => {
        await target.executeRaw({ sql: script, args: [], argTypes: [] });
      };
    },
  });
}

/** Wraps the factory so scripts run whole and every connection it opens can be closed afterwards. */
function tracked(factory: SqlMigrationAwareDriverAdapterFactory, opened: SqlDriverAdapter[]) {
  const wrap = (adapter: SqlDriverAdapter) => {
    opened.push(adapter);
    return factory.provider === "sqlite" ? acceptScripts(adapter) : wholeScripts(adapter);
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => wrap(await factory.connect()),
    connectToShadowDb: async () => wrap(await factory.connectToShadowDb()),
  } satisfies SqlMigrationAwareDriverAdapterFactory;
}

export interface EngineHandle {
  engine: SchemaEngine;
  /** Turns the engine's "External error id#N" into the driver's real message. */
  explain(error: unknown): string;
  /** Frees the engine and closes every database connection it opened. */
  close(): Promise<void>;
}

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
  datamodels: [string, string][],
): Promise<EngineHandle> {
  const wasm = await loadWasm();
  const opened: SqlDriverAdapter[] = [];
  const bound = bindMigrationAwareSqlAdapterFactory(tracked(factory, opened));
  const log = (line: string) => {
    if (process.env.PARALLEL_DEBUG_ENGINE) console.error(line);
  };
  const engine = await wasm.SchemaEngine.new({ datamodels }, log, bound);
  const explain = (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    const id = /External error id#(\d+)/.exec(text)?.[1];
    const record = id ? bound.errorRegistry.consumeError(Number(id)) : undefined;
    if (!record) return text;
    const inner = record.error as { message?: string; originalMessage?: string; kind?: string };
    return inner.originalMessage ?? inner.message ?? JSON.stringify(inner);
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    engine.free();
    for (const adapter of opened.splice(0)) await adapter.dispose().catch(() => undefined);
  };
  return { engine, explain, close };
}
