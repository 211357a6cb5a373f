import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

/** Queries that write take either the database or a transaction, so the calling service owns the transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

/**
 * What a read may use: SELECT builders only. No insertInto, updateTable, deleteFrom, transaction
 * or raw SQL, so a query (or a service answering a `read` method of the API) typed with it cannot
 * write. The database and any transaction are both one.
 */
export type ReadExecutor = Pick<Kysely<DB>, 'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic'>;
