import { describe, expect, it } from 'vitest';
import { call, childInput, ok, setUpCore } from '../../../scripts/fixtures/core';
import { foldName, parseChildSearch, sortKey } from '../../../shared/children/name-keys';

// Issue 11, items 1–3: what a DSL types finds the child whatever the accents, case and apostrophe;
// the register lists children by surname as a school's MIS does; and a second record for the same
// child (same name and date of birth) is refused until the DSL confirms it is a different child.
// Through the real dispatcher, on a real encrypted file.

const names = [
  { firstName: 'Zofia', lastName: 'Łukasik', dateOfBirth: '2016-05-02' },
  { firstName: 'Caoimhe', lastName: 'Ó Súilleabháin', dateOfBirth: '2017-03-14' },
  { firstName: 'Marta', lastName: 'Wiśniewska', dateOfBirth: '2018-11-30' },
  { firstName: 'Gwenllian', lastName: 'ap Dafydd', dateOfBirth: '2016-09-09' },
  { firstName: 'Liam', lastName: 'O’Connor', dateOfBirth: '2019-01-21' },
  { firstName: 'Søren', lastName: 'Weiß', dateOfBirth: '2017-07-07' },
  { firstName: 'Amara', lastName: 'Bello', dateOfBirth: '2017-03-14' },
  { firstName: 'Ieuan', lastName: 'Williams', dateOfBirth: '2015-12-01' },
];

async function register() {
  const { core } = await setUpCore();
  const ids = new Map<string, string>();
  for (const name of names) {
    const { socialWorkerName: _none, ...withoutSocialWorker } = childInput;
    const child = await ok(core, 'children.create', { ...withoutSocialWorker, ...name, socialWorkerContact: '' });
    ids.set(name.lastName, child.id);
  }
  const find = async (search: string) => (await ok(core, 'children.list', { search })).items.map((child) => child.lastName);
  return { core, ids, find };
}

describe('finding a child', () => {
  it('ignores case, accents and the style of apostrophe, as typed by the DSL', async () => {
    const { find } = await register();
    expect(await find('Łukasik')).toEqual(['Łukasik']);
    expect(await find('lukasik')).toEqual(['Łukasik']);
    expect(await find('Ó Súill')).toEqual(['Ó Súilleabháin']);
    expect(await find('o suill')).toEqual(['Ó Súilleabháin']);
    expect(await find('Wisniewska')).toEqual(['Wiśniewska']);
    expect(await find('gwenllian')).toEqual(['ap Dafydd']);
    expect(await find('GWENLLIAN AP DAF')).toEqual(['ap Dafydd']);
    expect(await find('oconnor')).toEqual(['O’Connor']);
    expect(await find('O’Connor')).toEqual(['O’Connor']);
    expect(await find("O'Connor")).toEqual(['O’Connor']);
    expect(await find('O‘connor')).toEqual(['O’Connor']);
    expect(await find('liam o connor')).toEqual(['O’Connor']);
    expect(await find('Soren Weiss')).toEqual(['Weiß']);
    expect(await find('søren')).toEqual(['Weiß']);
    expect(await find('nobody')).toEqual([]);
    // The LIKE wildcards are searched for as themselves.
    expect(await find('%')).toEqual([]);
    expect(await find('_')).toEqual([]);
  });

  it('matches the date of birth typed as dd/mm/yyyy (or just dd/mm), alone or with a name', async () => {
    const { find } = await register();
    expect(await find('14/03/2017')).toEqual(['Bello', 'Ó Súilleabháin']);
    expect(await find('14-03-2017')).toEqual(['Bello', 'Ó Súilleabháin']);
    expect(await find('2017-03-14')).toEqual(['Bello', 'Ó Súilleabháin']);
    expect(await find('caoimhe 14/03/2017')).toEqual(['Ó Súilleabháin']);
    expect(await find('2/5/2016')).toEqual(['Łukasik']);
    expect(await find('09/09')).toEqual(['ap Dafydd']);
    expect(await find('14/03/2018')).toEqual([]);
  });

  it('finds a child by the new spelling after their name is amended', async () => {
    const { core, ids, find } = await register();
    const id = ids.get('Wiśniewska');
    if (!id) throw new Error('missing');
    await ok(core, 'children.amend', { id, changes: { lastName: 'Nowak-Wiśniewska' }, reason: 'Name changed by deed poll' });
    expect(await find('nowak')).toEqual(['Nowak-Wiśniewska']);
    expect(await find('wisniewska')).toEqual(['Nowak-Wiśniewska']);
    // And sorts by it: under N now, not W.
    expect((await ok(core, 'children.list', {})).items.map((child) => child.lastName).slice(2, 5)).toEqual([
      'Łukasik',
      'Nowak-Wiśniewska',
      'Ó Súilleabháin',
    ]);
  });
});

describe('the register’s order', () => {
  it('is by surname as written, then first name, with accents and case folded (as a school’s MIS lists pupils)', async () => {
    const { core } = await register();
    const list = (await ok(core, 'children.list', {})).items;
    expect(list.map((child) => `${child.lastName}, ${child.firstName}`)).toEqual([
      'ap Dafydd, Gwenllian',
      'Bello, Amara',
      'Łukasik, Zofia',
      'Ó Súilleabháin, Caoimhe',
      'O’Connor, Liam',
      'Weiß, Søren',
      'Williams, Ieuan',
      'Wiśniewska, Marta',
    ]);
  });

  it('folds names the same way everywhere', () => {
    expect(foldName('  Ó  Súilleabháin ')).toBe('o suilleabhain');
    expect(foldName('ŁUKASIK')).toBe('lukasik');
    expect(foldName('D´Arcy')).toBe('darcy');
    expect(foldName('Ærø Œuvre')).toBe('aero oeuvre');
    expect(sortKey({ firstName: 'Zara', lastName: 'Ng' }) < sortKey({ firstName: 'Amir', lastName: 'Nguyen' })).toBe(true);
    expect(parseChildSearch('Zoë 31/02/2017')).toEqual({ words: ['zoe', '31/02/2017'], dates: null });
    expect(parseChildSearch('Zoë 30/13')).toEqual({ words: ['zoe', '30/13'], dates: null });
  });
});

describe('a child already on the register', () => {
  it('is named, with a link to open, when the same name and date of birth are entered again; saved only when confirmed as a different child', async () => {
    const { core } = await setUpCore();
    const first = await ok(core, 'children.create', { ...childInput, firstName: 'Zoë', lastName: 'O’Brien' });
    const again = { ...childInput, firstName: 'zoe', lastName: "O'BRIEN" };
    const identity = { firstName: again.firstName, lastName: again.lastName, dateOfBirth: again.dateOfBirth };
    // As the form is filled in.
    expect((await ok(core, 'children.duplicates', identity)).map((child) => child.id)).toEqual([first.id]);
    expect(await ok(core, 'children.duplicates', { ...identity, dateOfBirth: '2017-03-15' })).toEqual([]);
    expect(await ok(core, 'children.duplicates', { ...identity, dateOfBirth: '' })).toEqual([]);
    // Saved without confirming: refused beside the confirmation, naming the record already there.
    const refused = await call(core, 'children.create', again);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        issues: [
          {
            path: ['confirmedNotDuplicate'],
            message:
              'Zoë O’Brien, born 14/03/2017, is already on the register. Open their record instead, or confirm this is a different child.',
          },
        ],
      },
    });
    expect((await ok(core, 'children.list', {})).items).toHaveLength(1);
    // Confirmed: saved, and the audit log says it was confirmed.
    const second = await ok(core, 'children.create', { ...again, confirmedNotDuplicate: true });
    expect(second.id).not.toBe(first.id);
    expect((await ok(core, 'children.list', {})).items).toHaveLength(2);
    // A different child with the same name but another date of birth needs no confirmation.
    await ok(core, 'children.create', { ...again, dateOfBirth: '2018-01-01' });
  });

  it('lets a read-only user check, but not add', async () => {
    const { core } = await setUpCore();
    await ok(core, 'children.create', childInput);
    const open = core.session.current;
    if (!open) throw new Error('not open');
    open.user = { ...open.user, role: 'read-only' };
    const { firstName, lastName, dateOfBirth } = childInput;
    expect(await ok(core, 'children.duplicates', { firstName, lastName, dateOfBirth })).toHaveLength(1);
  });
});

describe('an amendment on the timeline', () => {
  it('says a plan, a level of need and a date of birth in words, not as stored', async () => {
    const { core } = await setUpCore();
    const child = await ok(core, 'children.create', { ...childInput, planStatus: 'none', levelOfNeed: 2 });
    await ok(core, 'children.amend', {
      id: child.id,
      changes: { planStatus: 'child-protection', levelOfNeed: 4, dateOfBirth: '2017-03-15' },
      reason: 'Plan made at the conference',
    });
    const details = (await ok(core, 'children.timeline', { childId: child.id }))
      .filter((item) => item.kind === 'amendment')
      .map((item) => item.detail)
      .sort();
    expect(details).toEqual([
      'Was 14/03/2017; now 15/03/2017. Reason: Plan made at the conference',
      'Was Level 2: early help; now Level 4: child in need or child protection. Reason: Plan made at the conference',
      'Was No plan; now Child protection plan. Reason: Plan made at the conference',
    ]);
  });
});
