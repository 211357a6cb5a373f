// Small judgements the audit makes about what was written: whether a name is only initials,
// whether a rationale says anything, and how a record is referred to without the child's name.

/** The first letter (not code unit) of a word, upper case. */
function firstLetter(word: string): string {
  return (Array.from(word.trim())[0] ?? '').toLocaleUpperCase('en-GB');
}

/** 'Zephyrine Quillfeather' → 'ZQ'. */
export function initialsOf(firstName: string, lastName: string): string {
  return `${firstLetter(firstName)}${firstLetter(lastName)}`;
}

function letters(word: string): string[] {
  return Array.from(word.replace(/[.\-'’]/g, ''));
}

/** 'J', 'J.', 'J.S.': a cased letter standing for a name. (A single Han character is a whole name part, not an initial.) */
function isInitial(word: string): boolean {
  return /^(\p{L}\.){1,3}$/u.test(word) || (letters(word).length === 1 && /[\p{Lu}\p{Ll}]/u.test(word));
}

/**
 * A name not written in full: fewer than two name parts that are not initials ('J Smith', 'J.S.',
 * 'JS', 'Smith'), or a first part that is an initial ('J. Smith', 'J.S. Smith'). A middle initial
 * ('Mary J. Blige') is fine: the first and last names are there.
 */
export function looksLikeInitials(name: string): boolean {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.filter((word) => letters(word).length > 0 && !isInitial(word)).length < 2) return true;
  return isInitial(words[0] ?? '');
}

const EMPTY_WORDS = new Set([
  '',
  '-',
  '--',
  '.',
  '?',
  'x',
  'n/a',
  'na',
  'none',
  'nil',
  'no',
  'see above',
  'as above',
  'tbc',
  'tba',
  'same',
]);

/** A rationale that gives no reason: empty, or a placeholder such as 'n/a', '-', 'see above'. */
export function saysNothing(text: string): boolean {
  const plain = text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');
  return EMPTY_WORDS.has(plain);
}

/** A date-and-initials reference: 'E-2026-09-14-ZQ'; a second record for the same child that day gets '-2'. */
export function recordReference(prefix: 'E' | 'R', londonDate: string, initials: string, ordinal: number): string {
  return `${prefix}-${londonDate}-${initials}${ordinal > 1 ? `-${ordinal}` : ''}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Free text with the given names replaced: each word of each name (two letters or more), as a whole
 * word, whatever its case. Best effort for a governors' pack: a nickname or a misspelling is not caught.
 */
export function withNamesReplaced(text: string, replacements: readonly { name: string; with: string }[]): string {
  let result = text;
  for (const { name, with: replacement } of replacements) {
    for (const word of name.split(/\s+/).filter((part) => Array.from(part).length > 1)) {
      result = result.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu'), replacement);
    }
  }
  return result;
}
