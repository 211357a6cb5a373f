import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

// Every SQL statement of the app lives in db/queries, one module per table or aggregate, as plain
// functions of an executor (lint refuses a query builder or raw SQL anywhere under electron/).
//
// Row types come from Kysely: Selectable<Table>, or for a query that joins or renames, the query's
// own result (InferResult), so a row type cannot disagree with its SQL. Where a result is already the
// API's shape the query says so with aliases ('full_name as fullName') and no mapper is written.
// CamelCasePlugin is not used: the table types would then have to be written in camelCase while the
// file, the migrations and the raw SQL that remains (lower(first_name || …)) say snake_case, so the
// schema types would name columns that do not exist; and it would delete little, because most mapping
// left is not renaming but reading stored JSON, 0/1 flags and plain-text kinds back into the API's
// types (the escalation model does that with zod).

/** Queries that write take either the database or a transaction, so the calling service owns the transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * What a read may use: SELECT builders only. No insertInto, updateTable, deleteFrom, transaction
 * or raw SQL, so a query (or a service answering a `read` method of the API) typed with it cannot
 * write. The database and any transaction are both one.
 */
export type ReadExecutor = Pick<Kysely<DB>, 'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic'>;
