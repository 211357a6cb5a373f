import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { timescales } from '../../../shared/deadlines';
import { builtInProcedures, categoryDetails, formTitles } from '../../../shared/procedures';
import { referralEventLabels } from '../../../shared/referrals/events';
import { milestoneLabels } from '../../../shared/referrals/milestones';

// Users have never heard of the project's "seeds" (the policies the built-ins were written from): no
// text a user can see names them. Everything the procedures, timescales and labels say is checked,
// and every file the screens and the PDFs are built from.

const internal = /\bseeds?\b/i;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx|css|html)$/.test(name) ? [path] : [];
  });
}

describe('no text a user sees mentions a seed', () => {
  it('in the procedures, the timescales or the labels', () => {
    for (const procedure of builtInProcedures) expect(JSON.stringify(procedure), procedure.id).not.toMatch(internal);
    expect(JSON.stringify(timescales)).not.toMatch(internal);
    for (const words of [categoryDetails, formTitles, referralEventLabels, milestoneLabels])
      expect(JSON.stringify(words)).not.toMatch(internal);
  });

  it('in the screens or the documents', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    for (const folder of ['renderer/src', 'electron/core/documents']) {
      for (const file of filesUnder(join(root, folder))) expect(readFileSync(file, 'utf8'), file).not.toMatch(internal);
    }
  });
});
