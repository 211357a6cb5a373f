// Electronegativity (Doyensec's static checks for Electron apps) over electron/, for CI
// (`npm run check:electron`, called by .ci/run). Its exit code does not fail on findings, so this
// reads the SARIF report it writes and fails on any finding of MEDIUM severity or above that is
// not accepted, with a reason, in .ci/electronegativity-accepted.json (an accepted entry that no
// longer matches anything fails too, so reasons never outlive what they excuse).
// - Offline: it fetches translations and Electron's release list over the network; `got` is
//   replaced by a function that fails at once, so it uses its bundled English and the Electron
//   version given here (the installed one).
// - The SARIF it writes has no severity, so each result is given its finding's severity and
//   confidence (the report lists results in the order of the findings) before it is counted.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const input = join(root, 'electron');
const report = join(root, 'reports', 'electronegativity.sarif');
const acceptedFile = join(root, '.ci', 'electronegativity-accepted.json');
const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

const load = Module._load;
Module._load = function offline(request, parent, isMain) {
  if (request === 'got') return () => Promise.reject(new Error('Electronegativity runs offline here.'));
  return load.call(this, request, parent, isMain);
};
const quiet = console.log;
let offlineChecks = 0;
console.log = (...args) => {
  const text = typeof args[0] === 'string' ? args[0] : '';
  if (text.startsWith('Could not retrieve updated translations')) return;
  if (text.startsWith("Something went wrong while fetching Electron's releases")) {
    offlineChecks += 1;
    return;
  }
  quiet(...args);
};
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require('electron/package.json').version;

mkdirSync(dirname(report), { recursive: true });
const outcome = await run(
  {
    input,
    output: report,
    isSarif: true,
    customScan: [],
    excludeFromScan: [],
    severitySet: undefined,
    confidenceSet: undefined,
    isRelative: true,
    isVerbose: false,
    electronUpgrade: undefined,
    electronVersionOverride: electronVersion,
    parserPlugins: ['typescript'],
  },
  false,
);
console.log = quiet;

const failures = [];
for (const error of outcome.errors ?? []) {
  if (!error.tolerable) failures.push(`could not parse ${error.file}: ${error.message}`);
}

/** The report once it is whole: Electronegativity writes it without waiting for the write to finish. */
async function readReport() {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      return JSON.parse(readFileSync(report, 'utf8'));
    } catch {
      await new Promise((done) => setTimeout(done, 50));
    }
  }
  throw new Error(`No SARIF report was written to ${report}.`);
}

// The report, with each result's severity and confidence added.
const sarif = await readReport();
const results = sarif.runs[0].results;
if (results.length !== outcome.issues.length) throw new Error('The SARIF report and the findings do not line up.');
results.forEach((result, index) => {
  const issue = outcome.issues[index];
  if (issue.id !== result.ruleId) throw new Error(`SARIF result ${index} is ${result.ruleId}, the finding is ${issue.id}.`);
  result.properties = { ...result.properties, severity: issue.severity.name, confidence: issue.confidence.name };
});
writeFileSync(report, `${JSON.stringify(sarif, null, 2)}\n`);

// Counted from the report.
const accepted = JSON.parse(readFileSync(acceptedFile, 'utf8')).accepted;
const used = new Set();
let counted = 0;
for (const result of JSON.parse(readFileSync(report, 'utf8')).runs[0].results) {
  const severity = result.properties.severity;
  if (SEVERITY[severity] < SEVERITY.MEDIUM) continue;
  counted += 1;
  const file = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
  const line = result.locations?.[0]?.physicalLocation?.region?.startLine ?? 0;
  const match = accepted.findIndex((entry) => entry.rule === result.ruleId && entry.file === file);
  if (match >= 0) {
    used.add(match);
    quiet(`accepted  ${severity} ${result.ruleId} ${file}:${line} — ${accepted[match].reason}`);
  } else {
    failures.push(`${severity} ${result.ruleId} at ${file}:${line}: ${result.message.text}`);
  }
}
accepted.forEach((entry, index) => {
  if (!used.has(index)) failures.push(`accepted in ${acceptedFile} but no longer found: ${entry.rule} in ${entry.file}`);
});

quiet(
  `Electronegativity ${require('@doyensec/electronegativity/package.json').version} over electron/ (Electron ${electronVersion}): ` +
    `${results.length} findings, ${counted} of MEDIUM severity or above, report in reports/electronegativity.sarif` +
    (offlineChecks > 0 ? ' (its check against the list of Electron releases needs the network and was not run)' : ''),
);
if (failures.length > 0) {
  for (const failure of failures) console.error(`FAIL ${failure}`);
  process.exit(1);
}
