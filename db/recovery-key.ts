import { randomBytes } from 'node:crypto';

// The recovery key is 256 random bits written in Crockford's base32: no I, L, O or U, so it can be
// typed back from paper without confusing 1/I/L or 0/O. Shown in groups of four.

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
/** 256 bits / 5 bits per character, rounded up. */
const RECOVERY_KEY_LENGTH = Math.ceil((KEY_BYTES * 8) / 5);

export function generateRecoveryKey(): string {
  return formatRecoveryKey(encodeBase32(randomBytes(KEY_BYTES)));
}

function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET.charAt((value >>> (bits - 5)) & 31);
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET.charAt((value << (5 - bits)) & 31);
  return out;
}

function formatRecoveryKey(compact: string): string {
  return (compact.match(/.{1,4}/g) ?? []).join('-');
}

/**
 * What the person typed, reduced to the canonical characters: spaces and dashes dropped, lower case
 * raised, and the look-alikes Crockford allows (O→0, I/L→1) mapped. Returns null if anything else is
 * left or the length is wrong, so a mistyped key gets a clear message without costing a key derivation.
 */
export function normaliseRecoveryKey(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== RECOVERY_KEY_LENGTH) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
}
