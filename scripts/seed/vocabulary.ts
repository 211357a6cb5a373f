import type { AgencyKind } from '../../shared/escalations/agency-kinds';

// The words the seed writes: children's names as a British school's register holds them (many
// languages; apostrophes of both kinds, hyphens, particles, accents, and some names kept in their
// own script), the professionals of other agencies, and what DSLs write in their records.

export const FIRST_NAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'Jack',
  'Mia',
  'Harry',
  'Freya',
  'Noah',
  'Siân',
  'Dafydd',
  'Gwenllian',
  'Aoife',
  'Dáithí',
  'Saoirse',
  'Niamh',
  'Łucja',
  'Wojciech',
  'Zofia',
  'Chloë',
  'Zoë',
  'Renée',
  'José',
  'Joaquín',
  'Inês',
  'Kofi',
  'Ama',
  'Oluwaseun',
  'Chidinma',
  'Adébáyọ̀',
  'Mohammed',
  'Aisha',
  'Yusuf',
  'Maryam',
  'Fatima-Zahra',
  'Nguyễn Thị',
  'Minh',
  'Ayşe',
  'Emre',
  'Ionuț',
  'Ștefania',
  'Jan-Erik',
  'Mary-Kate',
  'Leigh-Anne',
  'Zephyrine',
  'D’Arcy',
  'Ra’ed',
  'Шевченко',
  'Мария',
  'Дмитрий',
  '伟',
  '秀英',
  '민준',
  '서연',
  'محمد',
  'فاطمة',
  'Δημήτρης',
  'Ελένη',
  'आरव',
  'Priyanka',
  'Gurpreet',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Evans',
  'ap Dafydd',
  'Rose-Whitfield',
  'Smith-Jones',
  'Quillfeather',
  'O’Brien',
  "O'Connor",
  'O’Sullivan',
  'Ó Súilleabháin',
  'Ó Fearghail',
  'Mac an tSaoir',
  'McAllister',
  'D’Souza',
  "N'Diaye",
  'de la Cruz',
  'van der Merwe',
  'Łukasik',
  'Wiśniewska',
  'Kowalczyk',
  'Ćwik',
  'Nowak',
  'Müller',
  'Sánchez',
  'Gonçalves',
  'Öztürk',
  'Kovačević',
  'Nguyễn',
  'Trần',
  'Văn An',
  'Mensah',
  'Asante',
  'Adeyemi',
  'Okafor',
  'Ọ̀ṣun',
  'Khan',
  'Hussain',
  'Begum',
  'Ahmed',
  'Abdi',
  'Popescu',
  'Ionescu',
  'Kaur',
  'Singh',
  'Patel',
  'Sharma',
  'Иванова',
  'Коваленко',
  '王',
  '李',
  '김',
  '박',
  'الحسن',
  'Παπαδόπουλος',
  'शर्मा',
  'Ng',
] as const;

export const CLASSES = [
  'Nursery',
  'Reception',
  'Year 1',
  'Year 2',
  'Year 3',
  'Year 4',
  'Year 5',
  'Year 6',
  'Year 7',
  'Year 8',
  'Year 9',
  'Year 10',
  'Year 11',
] as const;

/** The setting's own staff: the DSL made at setup, a deputy and a head teacher with read-only access. */
export const STAFF = {
  dsl: { fullName: 'Priya Raman', role: 'Designated Safeguarding Lead' },
  deputy: { fullName: 'Tomasz Wiśniewski', role: 'Deputy Designated Safeguarding Lead' },
  head: { fullName: 'Margaret O’Neill', role: 'Head teacher' },
} as const;

export interface Agency {
  kind: AgencyKind;
  name: string;
  people: readonly { name: string; role: string }[];
}

export const AGENCIES: readonly Agency[] = [
  {
    kind: 'childrens-social-care',
    name: 'Children’s Social Care MASH',
    people: [
      { name: 'Grace Adeyemi', role: 'Social worker' },
      { name: 'Daniel Okafor', role: 'Senior social worker' },
      { name: 'Rhiannon Price', role: 'Team manager' },
      { name: 'Kwame Boateng', role: 'Service manager' },
    ],
  },
  {
    kind: 'childrens-social-care',
    name: 'Children in Need Team (North), Children’s Services',
    people: [
      { name: 'Hannah Brook', role: 'Social worker' },
      { name: 'Siobhán Ní Bhriain', role: 'Team manager' },
    ],
  },
  {
    kind: 'health',
    name: 'Riverside Health Visiting Team',
    people: [
      { name: 'Joanne Fairweather', role: 'Health visitor' },
      { name: 'Dr Anjali Mehta', role: 'Named nurse for safeguarding' },
    ],
  },
  {
    kind: 'health',
    name: 'Child and Adolescent Mental Health Services, St Luke’s',
    people: [{ name: 'Dr Tomás Ó Briain', role: 'Consultant psychiatrist' }],
  },
  {
    kind: 'police',
    name: 'Public Protection Unit, Northshire Police',
    people: [
      { name: 'Daniel Okoro', role: 'Detective Constable' },
      { name: 'Sarah Lindqvist', role: 'Detective Sergeant' },
    ],
  },
  {
    kind: 'school',
    name: 'St Mary’s Church of England Primary School',
    people: [{ name: 'Helen Marsh', role: 'Designated Safeguarding Lead' }],
  },
  {
    kind: 'school',
    name: 'Northshire Academy, Hart Lane',
    people: [{ name: 'Idris ap Rhys', role: 'Designated Safeguarding Lead' }],
  },
  {
    kind: 'early-years',
    name: 'Little Acorns Day Nursery',
    people: [{ name: 'Beata Kamińska', role: 'Nursery manager' }],
  },
  {
    kind: 'self-employed',
    name: 'Registered childminder',
    people: [{ name: 'Yvonne Clarke-Bennett', role: 'Childminder' }],
  },
  {
    kind: 'other',
    name: 'Youth Offending Service',
    people: [{ name: 'Rachel Green', role: 'Case manager' }],
  },
];

export const REFERRED_TO = ['Children’s Social Care MASH', 'Children’s Services Front Door', 'Emergency Duty Team (out of hours)'] as const;

export const REFERRAL_SUMMARIES = [
  'Disclosure to the class teacher of being hit with a belt at home; a mark seen on the left forearm.',
  'Attendance below 60% this term, arriving hungry and in the same clothes; home visits unanswered.',
  'Older sibling reports an adult male staying at the house who the child is frightened of.',
  'Concerns about exploitation: new phone and money, picked up from school by unknown adults.',
  'Parent arrived at collection under the influence of alcohol; the child said this happens most nights.',
  'Self-harm found by PE staff; the child says things at home are “too much”.',
  'Domestic abuse notification from the police (Operation Encompass) for the third time this half term.',
  'Sexualised behaviour in the playground beyond what is expected for age; the child named an adult.',
] as const;

export const ENTRY_SUMMARIES = [
  'Spoke with the social worker about the school’s concerns and the child’s attendance since the last review.',
  'Raised that visits have lapsed for three weeks and the child was not seen at home.',
  'Explained why the school disagrees with the decision, with the chronology of incidents this term.',
  'The team manager listened and agreed to review the case with the service manager.',
  'Meeting held with all agencies; the health visitor shared new information about the younger sibling.',
  'Followed up the phone call in writing, setting out the concern and the outcome sought.',
  'Asked for the strategy discussion minutes and for the plan to be shared with the school.',
] as const;

export const ENTRY_DECISIONS = [
  'The case will be reviewed by the team manager by Friday.',
  'An assessment will start this week; the school is invited to contribute.',
  'Not resolved: the school will escalate to the next stage.',
  'A strategy discussion will be convened; the school will attend.',
  'Agreed to a joint home visit and a core group within ten working days.',
  'The decision stands; reasons to be given in writing.',
] as const;

export const ENTRY_RATIONALES = [
  'Because the threshold document places these concerns at level 4, and the pattern has continued after early help.',
  'The child’s voice is clear in what was said to staff, and the risk has increased since the last review.',
  'Information held by the school has not been considered, so the decision rests on an incomplete picture.',
  'Agreement reached on the risk; the remaining difference is about timescales only.',
  'n/a',
] as const;

export const ESCALATION_CONCERNS = [
  'The referral was closed with no further action although the disclosure describes physical harm.',
  'The child protection plan is not being followed: visits have stopped and the core group has not met.',
  'The decision to step down to early help does not reflect the risk the school sees every day.',
  'Information about the adult living at the address has not been shared with the school.',
  'The child was not seen alone during the assessment, and the school’s concerns are not recorded in it.',
] as const;

export const OUTCOMES_SOUGHT = [
  'A strategy discussion and a section 47 enquiry.',
  'An assessment that includes the school’s information.',
  'The core group to meet and the plan to be reviewed.',
  'The decision to be reviewed by a manager, with reasons in writing.',
] as const;

export const ACTION_DESCRIPTIONS = [
  'Send the school the strategy discussion minutes',
  'Arrange a joint home visit',
  'Share the assessment with the school',
  'Convene a core group meeting',
  'Write to the family explaining the plan',
  'Refer to the family support worker',
] as const;

export const ESCALATION_REASONS = [
  'No response by the target date.',
  'The team manager upheld the decision; the school still considers the child at risk.',
  'Agreed actions were not carried out.',
  'The risk has increased since the last conversation.',
] as const;

export const CLOSED_REASONS = [
  'The child moved out of the area; the receiving school and local authority were told of the concern.',
  'The other agency’s position was accepted after new information was shared.',
  'Superseded by a new referral which was accepted.',
] as const;

export const OUTCOME_STATEMENTS = [
  'Agreed: an assessment starts this week and the school will be invited to the first meeting.',
  'Agreed: the child protection plan will continue, visits restart weekly and the core group meets within ten working days.',
  'Agreed: a strategy discussion was held and a section 47 enquiry started.',
  'Agreed: the case stays open to the team with a named social worker and a review in six weeks.',
] as const;

export const AMENDMENT_REASONS = [
  'Typing error: the wrong date was written in the summary.',
  'The social worker’s name was spelt wrongly.',
  'Added what the team manager said after reading the minutes.',
] as const;
