import { procedureSchema, type Procedure } from './schema';

// A setting copies a built-in (or its own copy) to edit it. The copy must share nothing with the
// source: built-ins are frozen and shared by every escalation in the process.

/**
 * A deep, independent copy for a setting to edit: never built in, version 1, the same source.
 * The copy is made by parsing with the procedure schema, which builds new objects and arrays
 * throughout, and refuses (throws) rather than copy an invalid procedure or take an invalid id or name.
 */
export function copyProcedure(source: Procedure, newId: string, newName: string): Procedure {
  return procedureSchema.parse({ ...source, id: newId, name: newName, builtIn: false, version: 1 });
}
