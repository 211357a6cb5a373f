import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { detailsTable, heading, paragraph, signatureBlocks, ukDate, withPageLayout } from './layout';

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

function keyRows(recoveryKey: string): Content {
  const groups = recoveryKey.split('-');
  const rows: string[][] = [];
  for (let i = 0; i < groups.length; i += 5) rows.push(groups.slice(i, i + 5));
  return {
    margin: [0, 6, 0, 10],
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: rows.map((row) => ({
              text: row.join('   '),
              fontSize: 20,
              bold: true,
              characterSpacing: 3,
              alignment: 'center',
              margin: [0, 4, 0, 4],
            })),
            margin: [0, 6, 0, 6],
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
      keyRows(input.recoveryKey),
      {
        text: 'The key uses the digits 0–9 and the letters A–Z without I, L, O and U. Dashes and spaces do not matter when it is typed.',
        style: 'small',
        margin: [0, 0, 0, 8],
      },
      detailsTable([
        ['Setting', input.settingName],
        ['Records file', input.fileId],
        ['Key made on', ukDate(input.createdAt)],
        ['Made by', `${input.dslName}, Designated Safeguarding Lead`],
      ]),
      heading('How to keep this sheet'),
      {
        ul: [
          'Print it, sign and date it below, and seal it in an envelope marked "Escalation Log recovery key — OFFICIAL-SENSITIVE".',
          'Store the envelope in the school safe or another locked cabinet that only senior leaders can open.',
          'Do not photograph, scan, email or save a copy of it anywhere else. Delete the downloaded PDF once it is printed.',
          'If the sheet is lost or may have been seen by someone else, make a new recovery key in Settings: the old one stops working at once.',
          'Using this key to unlock asks for a new passphrase and then makes a new recovery key, so print the new sheet and destroy this one.',
        ],
        margin: [0, 0, 0, 8],
      },
      signatureBlocks([
        { title: 'Stored by', lines: ['Full name', 'Role', 'Signature', 'Date'] },
        { title: 'Witnessed by', lines: ['Full name', 'Role', 'Signature', 'Date'] },
      ]),
    ],
  );
}
