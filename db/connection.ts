import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import { DATA_KEY_BYTES } from './keyslots';
import type { DB } from './schema';

// Opening the encrypted file. The cipher is SQLite3MultipleCiphers' SQLCipher v4 scheme keyed with
// a raw 256-bit key (no passphrase KDF inside SQLite: the key slots already did that work). Every
// setting that protects the data is read back after it is set, because a pragma that silently fails
// would leave records in plaintext.
// The key reaches SQLite through `db.key(Buffer)`, never a PRAGMA string: JavaScript strings cannot
// be wiped, so the key's text (SQLCipher's raw-key form, x'…') is built byte by byte in a Buffer that
// is zeroed as soon as SQLite has taken its own copy.

export type SqliteDatabase = Database.Database;

export class DatabaseKeyError extends Error {
  constructor() {
    super('The records file could not be opened with this key.');
    this.name = 'DatabaseKeyError';
  }
}

export class DatabaseSettingsError extends Error {
  constructor(setting: string, found: unknown) {
    super(`The records file did not accept its protection settings (${setting} is ${JSON.stringify(found)}).`);
    this.name = 'DatabaseSettingsError';
  }
}

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * SQLCipher's raw-key form `x'<64 hex digits>'` as bytes, made without a JavaScript string (which
 * could not be wiped). The caller zeroes it.
 */
function rawKeyBytes(dataKey: Buffer): Buffer {
  const text = Buffer.alloc(3 + dataKey.length * 2);
  text[0] = 0x78; // x
  text[1] = 0x27; // '
  for (let i = 0; i < dataKey.length; i += 1) {
    const byte = dataKey[i] ?? 0;
    text[2 + i * 2] = HEX[byte >> 4] ?? 0;
    text[3 + i * 2] = HEX[byte & 15] ?? 0;
  }
  text[text.length - 1] = 0x27; // '
  return text;
}

/** Keys a connection (before its first read) with the data key; the key's text is zeroed whatever happens. */
function applyKey(db: SqliteDatabase, dataKey: Buffer): void {
  const text = rawKeyBytes(dataKey);
  try {
    db.key(text);
  } finally {
    text.fill(0);
  }
}

/**
 * Re-encrypts the open file under a new data key, in place. Only for a file in DELETE journal mode:
 * this library corrupts a WAL-mode file on rekey (better-sqlite3-multiple-ciphers issue 91), and an
 * in-place rekey killed half-way can leave a file neither key opens, so it is only ever run on a
 * copy that is thrown away if anything fails (see db/rotation.ts).
 */
export function rekeyDatabase(db: SqliteDatabase, newKey: Buffer): void {
  if (newKey.length !== DATA_KEY_BYTES) throw new DatabaseKeyError();
  const mode = String(db.pragma('journal_mode', { simple: true })).toLowerCase();
  if (mode === 'wal') throw new DatabaseSettingsError('journal_mode (a rekey needs DELETE)', mode);
  const text = rawKeyBytes(newKey);
  try {
    db.rekey(text);
  } finally {
    text.fill(0);
  }
}

function pragmaValue(db: SqliteDatabase, pragma: string): unknown {
  return db.pragma(pragma, { simple: true });
}

function expectPragma(db: SqliteDatabase, pragma: string, expected: string | number): void {
  const found = pragmaValue(db, pragma);
  if (String(found).toLowerCase() !== String(expected).toLowerCase()) throw new DatabaseSettingsError(pragma, found);
}

/**
 * Opens (or creates) the encrypted file and applies the settings every connection must have:
 * SQLCipher v4 cipher, the raw data key, WAL, foreign keys, temp files in memory.
 * Throws DatabaseKeyError if the key does not open it.
 */
export function openEncryptedDatabase(
  path: string,
  dataKey: Buffer,
  options: {
    create: boolean;
    /** DELETE only for a copy about to be rekeyed (db/rotation.ts); the records file is always WAL. */
    journal?: 'wal' | 'delete';
  },
): SqliteDatabase {
  if (dataKey.length !== DATA_KEY_BYTES) throw new DatabaseKeyError();
  const db = new Database(path, { fileMustExist: !options.create });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    applyKey(db, dataKey);
    try {
      // The first read proves the key: a wrong key makes the header undecryptable.
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch (error) {
      // Only "not a database" means the key (or the header) is wrong; a folder that can't be
      // written (SQLITE_CANTOPEN for the -wal) or a failing disk is passed on to be named.
      if ((error as { code?: unknown }).code === 'SQLITE_NOTADB') throw new DatabaseKeyError();
      throw error;
    }
    expectPragma(db, 'cipher', 'sqlcipher');
    expectPragma(db, 'legacy', 4);
    // SQLite's temporary files are never encrypted, so they must never reach the disk.
    db.pragma('temp_store = MEMORY');
    expectPragma(db, 'temp_store', 2);
    const journal = options.journal ?? 'wal';
    db.pragma(`journal_mode = ${journal === 'wal' ? 'WAL' : 'DELETE'}`);
    expectPragma(db, 'journal_mode', journal);
    db.pragma('foreign_keys = ON');
    expectPragma(db, 'foreign_keys', 1);
    db.pragma('synchronous = FULL');
    db.pragma('secure_delete = ON');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an encrypted file read-only, for checking a backup copy: the same cipher settings asserted,
 * temporary files in memory, and nothing written (its journal mode is left as it is).
 * Throws DatabaseKeyError if the key does not open it.
 */
export function openEncryptedReadOnly(path: string, dataKey: Buffer): SqliteDatabase {
  if (dataKey.length !== DATA_KEY_BYTES) throw new DatabaseKeyError();
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    applyKey(db, dataKey);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new DatabaseKeyError();
    }
    expectPragma(db, 'cipher', 'sqlcipher');
    expectPragma(db, 'legacy', 4);
    db.pragma('temp_store = MEMORY');
    expectPragma(db, 'temp_store', 2);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Kysely over the connection. When SQLite has already rolled a transaction back itself (it does on
 * a full disk or an I/O error), Kysely's own ROLLBACK would fail with "no transaction is active"
 * and hide the real error; here that ROLLBACK is a no-op, so the caller sees SQLITE_FULL and can
 * say the disk is full.
 */
export function createKysely(sqlite: SqliteDatabase): Kysely<DB> {
  const noop = { reader: false, run: () => ({ changes: 0, lastInsertRowid: 0 }) };
  const database = new Proxy(sqlite, {
    get(target, property) {
      if (property === 'prepare') {
        return (source: string) => (/^\s*rollback\s*$/i.test(source) && !target.inTransaction ? noop : target.prepare(source));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return new Kysely<DB>({ dialect: new SqliteDialect({ database }) });
}
