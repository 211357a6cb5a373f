import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../schema';

/** Queries take either the database or a transaction, so the calling service owns the transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;
