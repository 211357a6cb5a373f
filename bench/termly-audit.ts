import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DateTime } from 'luxon';
import { builtInProcedures, type Procedure } from '../shared/procedures';
import type { Dispatcher } from '../electron/core/dispatcher';
import { setUpCore, ok, tempDataDir, TestClock } from '../scripts/fixtures/core';

type OpenSqlite = NonNullable<Dispatcher['session']['current']>['sqlite'];

// The termly audit at 100× a large school's volume, until the scale issue's data set exists: its own
// deterministic generator writes ten years of records straight into a real encrypted file (2,000
// escalations and 3,000 referrals a school year, across the five procedures, with stages,
// conversations, actions, outcomes, learning reviews, outcome-statement documents and referral events,
// most closed as in real life), then the audit of one term and of a whole school year is timed through
// the real dispatcher, and so is making each one's PDF. Medians of wall-clock time, and of this
// process's CPU time (the core runs in it: CPU time is what the audit costs when the machine is busy
// with something else too); printed, never asserted. Aim: the on-screen audit of a term under
// 300 ms, of a year under 1 s.

const YEARS = 10;
const ESCALATIONS_PER_YEAR = 2_000;
const REFERRALS_PER_YEAR = 3_000;
const CHILDREN = 15_000;
const FIRST_YEAR = 2016;
const NOW = '2026-11-30T12:00:00.000Z';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Median wall-clock and CPU time (this process: the core runs in it) of `runs` calls, and the first call's wall time. */
async function timed(runs: number, task: () => Promise<unknown>): Promise<{ median: number; cpu: number; first: number }> {
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    const before = process.cpuUsage();
    await task();
    const used = process.cpuUsage(before);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(times), cpu: median(cpu), first: times[0] ?? Number.NaN };
}

/** A deterministic pseudo-random sequence, so every run writes the same records. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const FIRST_NAMES = [
  'Amelia',
  'Kofi',
  'Zephyrine',
  'Siân',
  'Łucja',
  'Nguyễn',
  'Aoife',
  'Oluwaseun',
  'Mohammed',
  'Chloë',
  'Dáithí',
  'Yusuf',
];
const LAST_NAMES = ['Rose-Whitfield', 'Mensah', 'Quillfeather', 'O’Brien', 'Ćwik', 'Văn An', 'Ó Fearghail', 'Adeyemi', 'Okafor', 'Smith'];
const AGENCIES = [
  { kind: 'childrens-social-care', name: 'Children’s Social Care MASH', person: 'Grace Adeyemi', role: 'Social worker' },
  { kind: 'health', name: 'Riverside Health Visiting Team', person: 'Hannah Brook', role: 'Health visitor' },
  { kind: 'police', name: 'Public Protection Unit', person: 'Daniel Okafor', role: 'Detective Constable' },
  { kind: 'school', name: 'St Mary’s Church of England Primary School', person: 'Helen Marsh', role: 'Designated Safeguarding Lead' },
  { kind: 'other', name: 'Youth Offending Service', person: 'Rachel Green', role: 'Case manager' },
] as const;

const iso = (date: DateTime) => date.toUTC().toISO() ?? '';

/** Writes the data set; answers how many of each record were written. */
function generate(sqlite: OpenSqlite, userId: string) {
  const random = sequence(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] ?? (list[0] as T);
  const insert = (table: string, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    const key = `${table}:${columns.join(',')}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = sqlite.prepare(
        `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
      );
      statements.set(key, statement);
    }
    statement.run(row);
  };
  const statements = new Map<string, ReturnType<OpenSqlite['prepare']>>();
  const snapshots = new Map<string, string>(builtInProcedures.map((procedure) => [procedure.id, JSON.stringify(procedure)]));
  const counts = { children: 0, escalations: 0, stages: 0, entries: 0, actions: 0, referrals: 0, events: 0, documents: 0 };
  const start = DateTime.fromISO(`${FIRST_YEAR}-09-01T08:00:00`, { zone: 'Europe/London' });
  const spanDays = DateTime.fromISO(NOW).diff(start, 'days').days - 10;
  const now = DateTime.fromISO(NOW);
  const pdf = Buffer.alloc(4096, 7);

  sqlite.transaction(() => {
    const children: string[] = [];
    for (let i = 0; i < CHILDREN; i += 1) {
      const id = randomUUID();
      children.push(id);
      insert('children', {
        id,
        first_name: pick(FIRST_NAMES),
        last_name: `${pick(LAST_NAMES)}${i}`,
        date_of_birth: '2015-03-14',
        class_or_year: 'Year 4',
        level_of_need: 4,
        plan_status: 'child-in-need',
        social_worker_name: null,
        social_worker_contact: null,
        created_at: NOW,
        created_by: userId,
      });
      counts.children += 1;
    }

    for (let e = 0; e < YEARS * ESCALATIONS_PER_YEAR; e += 1) {
      const procedure: Procedure = pick(builtInProcedures);
      const categories = Object.keys(procedure.categoryTracks) as (keyof Procedure['categoryTracks'])[];
      const category = pick(categories);
      const track = procedure.tracks.find((candidate) => candidate.id === procedure.categoryTracks[category]) ?? procedure.tracks[0];
      if (!track) continue;
      const agency = pick(AGENCIES);
      const opened = start.plus({ days: random() * spanDays, hours: random() * 8 });
      const stageCount = 1 + Math.min(track.stages.length - 1, Math.floor(random() * 4));
      const stageDays = 2 + Math.floor(random() * 8);
      const ended = opened.plus({ days: stageCount * stageDays });
      const fate = random();
      // Most end, as in real life; the few still open are the recent ones.
      const status = ended > now ? 'open' : fate < 0.88 ? 'resolved' : 'closed-unresolved';
      const closedAt = status === 'open' ? null : iso(ended);
      const id = randomUUID();
      insert('escalations', {
        id,
        child_id: pick(children),
        referral_id: null,
        missed_milestone: null,
        category,
        procedure_id: procedure.id,
        procedure_version: procedure.version,
        procedure_snapshot: snapshots.get(procedure.id),
        track_id: track.id,
        our_agency: 'school',
        other_agency_kind: agency.kind,
        other_agency_name: agency.name,
        other_professional_name: agency.person,
        other_professional_role: agency.role,
        other_professional_contact: null,
        concern: 'The concern.',
        areas_of_agreement: 'None yet.',
        areas_of_disagreement: 'The threshold.',
        risk_relevance: 'The risk.',
        outcome_sought: 'An assessment.',
        immediate_risk: 0,
        immediate_referral_made_at: null,
        immediate_referral_made_to: null,
        status,
        opened_at: iso(opened),
        opened_by: userId,
        closed_at: closedAt,
        closed_reason: status === 'closed-unresolved' ? 'No longer needed.' : null,
      });
      counts.escalations += 1;
      for (let s = 0; s < stageCount; s += 1) {
        const stage = track.stages[s];
        if (!stage) break;
        const stageId = randomUUID();
        const stageStart = opened.plus({ days: s * stageDays });
        const last = s === stageCount - 1;
        insert('escalation_stages', {
          id: stageId,
          escalation_id: id,
          stage_id: stage.id,
          sequence: s + 1,
          started_at: iso(stageStart),
          routing_reason: null,
          outcome: last ? (status === 'open' ? null : status) : 'escalated',
          outcome_at: last ? closedAt : iso(stageStart.plus({ days: stageDays })),
          outcome_reason: last ? null : 'Not resolved at this stage.',
        });
        counts.stages += 1;
        if (random() < 0.92) {
          const entryId = randomUUID();
          insert('stage_entries', {
            id: entryId,
            escalation_id: id,
            stage_record_id: stageId,
            occurred_at: iso(stageStart.plus({ hours: 20 })),
            method: 'phone',
            participants: JSON.stringify([
              { name: 'Priya Raman', role: 'Designated Safeguarding Lead', agency: null },
              { name: agency.person, role: agency.role, agency: agency.name },
            ]),
            summary: 'What was said.',
            decision: 'What was decided.',
            rationale: random() < 0.03 ? 'n/a' : 'Because the threshold document supports it.',
            told_of_outcome: '[]',
            original_referrer_told: last && random() < 0.7 ? 1 : 0,
            created_at: iso(stageStart.plus({ hours: 21 })),
            created_by: userId,
          });
          counts.entries += 1;
        }
        if (s === 0) {
          for (let a = Math.floor(random() * 3); a > 0; a -= 1) {
            const due = stageStart.plus({ days: 7 + Math.floor(random() * 10) });
            const done = random() < 0.85 ? due.plus({ days: random() < 0.7 ? -2 : 3 }) : null;
            insert('escalation_actions', {
              id: randomUUID(),
              escalation_id: id,
              stage_record_id: stageId,
              entry_id: null,
              description: 'Send the minutes to the school',
              owner_name: random() < 0.5 ? 'Priya Raman' : agency.person,
              owner_role: 'Owner',
              due_date: due.setZone('Europe/London').toISODate(),
              done_at: done && done < now ? iso(done) : null,
              done_note: null,
              done_by: null,
              created_at: iso(stageStart),
              created_by: userId,
            });
            counts.actions += 1;
          }
        }
      }
      if (status === 'resolved' && closedAt) {
        insert('escalation_resolutions', {
          escalation_id: id,
          resolved_at: closedAt,
          outcome_statement: 'Agreed: an assessment starts this week.',
          consequent_actions: 'None.',
          agreed_by: JSON.stringify(['Northway Primary and Nursery School', agency.name]),
          recorded_by: userId,
          recorded_at: closedAt,
        });
        if (random() < 0.6) {
          insert('documents', {
            id: randomUUID(),
            child_id: null,
            entity_type: 'escalation',
            entity_id: id,
            kind: 'written-statement-of-outcome',
            title: 'Written statement of the outcome',
            file_name: 'Written statement of the outcome.pdf',
            sha256: '0'.repeat(64),
            content: pdf,
            created_by: userId,
            created_at: closedAt,
          });
          counts.documents += 1;
        }
      }
      if (status !== 'open' && random() < 0.7) {
        insert('learning_reviews', {
          escalation_id: id,
          went_well: 'The meeting agreed a plan quickly.',
          went_badly: 'Replies were slow.',
          issues_for_partnership: random() < 0.3 ? 'Minutes reach schools late.' : 'None',
          reported_to_partnership_at: null,
          reviewed_by: userId,
          reviewed_at: iso(ended.plus({ days: 5 }) < now ? ended.plus({ days: 5 }) : now),
        });
      }
    }

    for (let r = 0; r < YEARS * REFERRALS_PER_YEAR; r += 1) {
      const made = start.plus({ days: random() * spanDays, hours: random() * 8 });
      const phone = random() < 0.5;
      const childProtection = random() < 0.4;
      const id = randomUUID();
      insert('referrals', {
        id,
        child_id: pick(children),
        made_at: iso(made),
        method: phone ? 'phone' : 'written',
        concern: childProtection ? 'child-protection' : 'child-in-need',
        category: 'standard',
        referred_to: 'Children’s Social Care MASH',
        made_by_name: 'Priya Raman',
        made_by_role: 'Designated Safeguarding Lead',
        summary: 'Concerns.',
        created_at: iso(made),
        created_by: userId,
      });
      counts.referrals += 1;
      const event = (kind: string, at: DateTime, s47: number | null = null) => {
        if (at > now) return;
        insert('referral_events', {
          id: randomUUID(),
          referral_id: id,
          kind,
          happened_at: iso(at),
          s47_started: s47,
          note: null,
          recorded_by: userId,
          recorded_at: iso(at),
        });
        counts.events += 1;
      };
      if (phone) event('written-follow-up', made.plus({ hours: random() < 0.8 ? 20 : 30 }));
      event('la-decision', made.plus({ days: random() < 0.8 ? 1 : 3 }));
      if (childProtection) {
        const s47 = random() < 0.5;
        event('strategy-discussion', made.plus({ days: random() < 0.8 ? 2 : 6 }), s47 ? 1 : 0);
        event('strategy-minutes', made.plus({ days: 3 }));
        if (s47) event(random() < 0.6 ? 'icpc' : 'icpc-not-needed', made.plus({ days: random() < 0.8 ? 18 : 30 }));
      } else if (random() < 0.9) {
        event('single-assessment', made.plus({ days: random() < 0.8 ? 50 : 75 }));
      }
      if (random() < 0.3) event('closed-by-social-care', made.plus({ days: 90 }));
    }
  })();
  return counts;
}

export async function benchTermlyAudit(): Promise<void> {
  const clock = new TestClock(new Date(NOW));
  const { core } = await setUpCore(tempDataDir('bench-audit'), clock);
  await ok(core, 'procedures.choose', { id: 'bromley' });
  const open = core.session.current;
  if (!open) throw new Error('The bench file is not open.');
  const building = performance.now();
  const counts = generate(open.sqlite, open.user.id);
  const built = performance.now() - building;

  console.log('termly audit: 100× a large school, ten school years in one encrypted file');
  console.log(
    `  ${counts.children} children, ${counts.escalations} escalations (${counts.stages} stages, ${counts.entries} conversations, ${counts.actions} actions, ${counts.documents} documents), ${counts.referrals} referrals (${counts.events} events); written in ${(built / 1000).toFixed(1)} s`,
  );
  const term = { kind: 'term', schoolYear: 2025, term: 'summer' } as const;
  const year = { kind: 'year', schoolYear: 2025 } as const;
  const termAudit = await ok(core, 'termlyAudit.run', { period: term });
  const yearAudit = await ok(core, 'termlyAudit.run', { period: year });
  for (const [label, period, audit] of [
    ['term (summer 2026)', term, termAudit],
    ['school year 2025/26', year, yearAudit],
  ] as const) {
    const run = await timed(5, () => ok(core, 'termlyAudit.run', { period }));
    const deadlines = audit.timescales.total.metOnTime + audit.timescales.total.metLate + audit.timescales.total.overdue;
    console.log(
      `  audit of the ${label}: ${audit.counts.inAudit} escalations, ${deadlines} deadlines, ${audit.gaps.length} gaps, with the 3 terms before — median of 5 ${run.median.toFixed(0)} ms (CPU ${run.cpu.toFixed(0)} ms; first ${run.first.toFixed(0)} ms)`,
    );
  }
  for (const [label, period] of [
    ['term', term],
    ['school year', year],
  ] as const) {
    let pages = 0;
    const made = await timed(3, async () => {
      const file = await ok(core, 'termlyAudit.document', { period, leaveOutNames: true });
      pages = (
        Buffer.from(file.base64, 'base64')
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g) ?? []
      ).length;
    });
    console.log(
      `  PDF for the ${label} (${pages} pages, names left out, kept with its fingerprint): median of 3 ${made.median.toFixed(0)} ms (CPU ${made.cpu.toFixed(0)} ms)`,
    );
  }
  console.log(
    `  RSS after: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB; load average while measuring: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`,
  );
  await core.shutdown();
}
