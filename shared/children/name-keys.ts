// How a child's name is compared, searched and sorted. A DSL types `Łukasik`, `Ó Súill`, `oconnor`
// or `O’Connor` (with whichever apostrophe their keyboard makes) and expects the child: so names and
// what is typed are both folded the same way — apostrophes of every style dropped, then NFKD with the
// combining marks stripped (é → e, ś → s), then the letters that have no decomposition mapped by hand
// (ł → l, ø → o, ß → ss …), lower-cased, spaces collapsed. SQLite's own lower() folds only A to Z, so
// the folded keys are stored beside the child (children.name_key, children.sort_key: migration 0006)
// and kept up to date when a child is added or amended.

/** Every apostrophe (and the marks keyboards and word processors put in their place). */
const APOSTROPHES = /['’‘‛ʼʻʹʽ`´′＇]/gu;

/** Letters NFKD leaves whole: their plain-Latin spelling, as a school's MIS files them. */
const LETTERS: Readonly<Record<string, string>> = {
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŀ: 'l',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
};
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');

/** `Ó Súilleabháin` → `o suilleabhain`; `O’Connor` → `oconnor`; `Łukasik` → `lukasik`. */
export function foldName(text: string): string {
  return text
    .replace(APOSTROPHES, '')
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(LETTER_PATTERN, (letter) => LETTERS[letter] ?? letter)
    .replace(/\s+/gu, ' ')
    .trim();
}

/** What a child is found by: their first and last names, folded (children.name_key). */
export function nameKey(child: { firstName: string; lastName: string }): string {
  return foldName(`${child.firstName} ${child.lastName}`);
}

/**
 * Where a child sorts in the register (children.sort_key): by surname as written, then first name,
 * accents and case folded — the way a school's MIS lists pupils. So `ap Dafydd` files under A and
 * `Ó Súilleabháin` under O, as the family writes them: a register that moved a particle (ap, de,
 * Ó, Mac) to sort under the rest of the name would disagree with the school's own lists, and a DSL
 * looking a child up from the MIS would not find them where they expect. The unit separator sorts
 * before every letter and space, so `Ng, Zara` comes before `Nguyen, Amir`.
 */
export function sortKey(child: { firstName: string; lastName: string }): string {
  return `${foldName(child.lastName)}\u001f${foldName(child.firstName)}`;
}

/**
 * A search as typed, in parts: words of the name (folded), and a date of birth typed as the UK
 * writes it — dd/mm/yyyy (or with dashes or dots, or as yyyy-mm-dd), or just dd/mm — as ISO
 * ('2017-03-14') or the ISO month and day ('-03-14').
 */
export interface ChildSearch {
  words: string[];
  dates: { iso: string } | { monthDay: string } | null;
}

const FULL_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MONTH = /^(\d{1,2})[/.-](\d{1,2})$/;

function pad(part: string): string {
  return part.padStart(2, '0');
}

/** A day and month that exist in some year (29/02 does), or in `year` when given. */
function realDate(day: string, month: string, year = '2000'): boolean {
  const d = Number(day);
  const m = Number(month);
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  return m >= 1 && m <= 12 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Splits what was typed into name words and at most one date of birth (the last typed). */
export function parseChildSearch(text: string): ChildSearch {
  const words: string[] = [];
  let dates: ChildSearch['dates'] = null;
  for (const part of text.trim().split(/\s+/u).filter(Boolean)) {
    const full = FULL_DATE.exec(part);
    const short = DAY_MONTH.exec(part);
    const iso = ISO_DATE.exec(part);
    if (iso?.[1] && iso[2] && iso[3] && realDate(iso[3], iso[2], iso[1])) {
      dates = { iso: part };
    } else if (full?.[1] && full[2] && full[3] && realDate(full[1], full[2], full[3])) {
      dates = { iso: `${full[3]}-${pad(full[2])}-${pad(full[1])}` };
    } else if (short?.[1] && short[2] && realDate(short[1], short[2])) {
      dates = { monthDay: `-${pad(short[2])}-${pad(short[1])}` };
    } else {
      const folded = foldName(part);
      if (folded) words.push(...folded.split(' '));
    }
  }
  return { words, dates };
}
