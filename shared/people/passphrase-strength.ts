import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';

// How hard a passphrase is to guess, by zxcvbn-ts: it recognises common passwords, dictionary words,
// names, keyboard patterns, repeats, sequences, dates and l33t spellings, and estimates how many
// guesses an attacker who knows those tricks needs. A passphrase unlocks a key slot that anyone with
// a copy of the data folder can attack offline at their own pace, so the bar is zxcvbn's top score:
// about ten thousand million guesses (10^10) or more. Three or four words picked at random clear it
// easily; a word with a number and a symbol added usually does not. Used by the contract's schemas
// (so the core refuses a weak one) and by the screens (so the reason shows as it is typed).

export type StrengthScore = 0 | 1 | 2 | 3 | 4;

/** The lowest score accepted. */
export const STRONG_ENOUGH: StrengthScore = 4;

export interface PassphraseStrength {
  score: StrengthScore;
  acceptable: boolean;
  /** Why it is refused, in words a person can act on; null when it is strong enough. */
  problem: string | null;
}

/** Words anyone attacking this app's files would try first. */
const APP_WORDS = ['escalation', 'escalationlog', 'safeguarding', 'dsl', 'school', 'nursery', 'records', 'passphrase'];

let estimator: ZxcvbnFactory | null = null;

/** Built on first use: the dictionaries take a few hundred milliseconds to load. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
  return estimator;
}

function isScore(value: number): value is StrengthScore {
  return value === 0 || value === 1 || value === 2 || value === 3 || value === 4;
}

/** Nothing is remembered between calls: a passphrase is not kept in memory a moment longer than the check. */
export function passphraseStrength(passphrase: string): PassphraseStrength {
  const result = zxcvbn().check(passphrase, APP_WORDS);
  const score: StrengthScore = isScore(result.score) ? result.score : 0;
  const acceptable = score >= STRONG_ENOUGH;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((part): part is string => Boolean(part));
  return {
    score,
    acceptable,
    problem: acceptable
      ? null
      : `This passphrase is too easy to guess. ${why.length > 0 ? why.join(' ') : 'Add another word or two, picked at random, not a phrase or a name.'}`,
  };
}
