import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { KEY_FONT } from './fonts';
import { formatUkDate } from '../../../shared/deadlines';
import { detailsTable, heading, paragraph, signatureGrid, withPageLayout } from './layout';

// The recovery sheet, printed once at setup (or when a new recovery key is made) and kept sealed
// in the school safe. It is the only way into the records if every passphrase is lost, so it says
// plainly what it is, which file it opens, and how to keep it.

export interface RecoverySheetInput {
  settingName: string;
  dslName: string;
  recoveryKey: string;
  createdAt: string;
  fileId: string;
}

/** Groups per row: 13 groups of a 52-character key print as rows of 5, 5 and 3. */
const GROUPS_PER_ROW = 5;
/** Wide enough for four characters of 20 pt DejaVu Sans Mono Bold with the spacing below. */
const GROUP_WIDTH = 74;

/** The key's characters in groups of four, however the caller spaced or dashed it. */
export function keyGroups(recoveryKey: string): string[] {
  return recoveryKey.replace(/[\s-]/g, '').match(/.{1,4}/g) ?? [];
}

/**
 * The key in a fixed-width font, one group per cell, so the groups stand in columns and a person
 * typing it back can keep their place; boxed so it reads as the thing to guard.
 */
function keyBox(recoveryKey: string): Content {
  const groups = keyGroups(recoveryKey);
  const rows: TableCell[][] = [];
  for (let i = 0; i < groups.length; i += GROUPS_PER_ROW) {
    const row: TableCell[] = groups.slice(i, i + GROUPS_PER_ROW).map((group) => ({
      text: group,
      font: KEY_FONT,
      fontSize: 20,
      lineHeight: 1,
      characterSpacing: 2.5,
      alignment: 'center',
    }));
    // pdfmake wants every row as wide as the first.
    while (row.length < GROUPS_PER_ROW) row.push({ text: '' });
    rows.push(row);
  }
  const grid: Content = {
    table: { widths: rows[0]?.map(() => GROUP_WIDTH) ?? [], body: rows },
    layout: { defaultBorder: false, paddingTop: () => 5, paddingBottom: () => 5 },
  };
  return {
    margin: [0, 4, 0, 6],
    table: {
      widths: ['*'],
      body: [
        [
          {
            columns: [
              { text: '', width: '*' },
              { ...grid, width: 'auto' },
              { text: '', width: '*' },
            ],
            margin: [0, 4, 0, 4],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 1.5, vLineWidth: () => 1.5, hLineColor: () => '#000000', vLineColor: () => '#000000' },
  };
}

export function recoverySheet(input: RecoverySheetInput): TDocumentDefinitions {
  return withPageLayout(
    {
      settingName: input.settingName,
      title: 'Escalation Log recovery key',
      generatedBy: { name: input.dslName, role: 'Designated Safeguarding Lead' },
      generatedAt: input.createdAt,
    },
    [
      paragraph(
        'This key opens the safeguarding records file of the setting named below if every passphrase is forgotten. Anyone who holds this sheet and a copy of the file can read the records, so keep it as carefully as the records themselves.',
      ),
      keyBox(input.recoveryKey),
      {
        text: `The key is ${keyGroups(input.recoveryKey).length} groups of four characters: the digits 0–9 and the letters A–Z without I, L, O and U. Spaces and dashes do not matter when it is typed.`,
        style: 'small',
        margin: [0, 0, 0, 8],
      },
      detailsTable([
        ['Setting', input.settingName],
        ['Records file', input.fileId],
        ['Key made on', formatUkDate(input.createdAt)],
      ]),
      heading('How to keep this sheet'),
      {
        ul: [
          // A non-breaking hyphen, so the marking is never split across two lines.
          'Print it, sign and date it below, and seal it in an envelope marked "Escalation Log recovery key — OFFICIAL\u2011SENSITIVE".',
          'Keep the envelope in the school safe or a locked cabinet that only senior leaders can open. The headteacher (or a senior leader they name) holds it, not the DSL alone; the DSL and deputies know who holds it.',
          'Do not photograph, scan, email or save a copy anywhere else. Delete the downloaded PDF once it is printed.',
          'If the sheet is lost or may have been seen by someone else, make a new recovery key in Settings: this one stops working once the new sheet is confirmed as stored.',
          'Using this key to unlock asks for a new passphrase and then makes a new recovery key, so print the new sheet and destroy this one.',
        ],
        fontSize: 9.5,
        margin: [0, 0, 0, 4],
      },
      heading('Stored and witnessed'),
      signatureGrid(['Stored by', 'Witnessed by']),
    ],
  );
}
