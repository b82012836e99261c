// Generated data sets for the large-data tests and the benchmark
// (tools/bench): a workbook as the app stores it under `comeback.workbook`,
// and a LinkedIn `Connections.csv`. Deterministic for a given seed, so two
// runs measure the same data.
//
// The workbook follows the serde shape of the Rust model in `src/model/`:
// records carry `id` and `updated_at` (RecordMeta, flattened), dates are
// `YYYY-MM-DD`, times RFC 3339 in UTC, enums snake_case. Every struct there
// is `#[serde(default)]`, so fields left out take their defaults.

export interface Sizes {
  contacts: number;
  timeEntries: number;
  timelineEvents: number;
}

/** The size the issue asks the app to stay responsive with. */
export const LARGE: Sizes = { contacts: 5000, timeEntries: 2000, timelineEvents: 300 };

/** A small pseudo-random generator (mulberry32): the same seed, the same data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const chance = (rng: Rng, p: number) => rng() < p;

/** A version-4 UUID drawn from `rng` (valid for `uuid::Uuid`'s parser). */
export function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** A local date `offset` days from `today`, as `NaiveDate` is stored. */
export function day(today: Date, offset: number): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
const stamp = (today: Date, offset: number) => `${day(today, offset)}T09:30:00Z`;

const FIRST = ['Ana', 'Bilal', 'Chloé', 'Dev', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Jia', 'Kofi', 'Lena', 'Mateo', 'Nora', 'Omar', 'Priya', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zoë'];
const LAST = ['Lopez', 'Haddad', 'Dubois', 'Patel', 'Okafor', 'Nowak', 'Berg', 'Sato', 'Ivanova', 'Chen', 'Mensah', 'Fischer', 'Rossi', 'Kim', 'Farouk', 'Singh', 'Murphy', 'García', 'Larsen', 'Aziz'];
const COMPANIES = ['Acme Robotics', 'Globex, Inc.', 'Initech', 'Hooli', 'Umbrella Corp', 'Vandelay Industries', 'Stark Health', 'Wayne Logistics', 'Soylent Foods', 'Tyrell Labs', 'Cyberdyne', 'Massive Dynamic'];
const ROLES = ['Engineering Manager', 'Product Designer', 'Recruiter, Tech', 'Staff Engineer', 'Head of Growth', 'Data Analyst', 'CTO', 'UX Researcher', 'Sales Lead', 'Product Manager'];
const HOW = ['old colleague', 'met at the Rust meetup', 'LinkedIn connection', 'friend of Sam', 'university', 'former client', 'neighbour', ''];
const FREQUENCIES = ['weekly', 'monthly', 'few_times_a_year', 'once_a_year_or_less', 'never_met'] as const;
const STATUSES = ['not_contacted', 'messaged', 'replied', 'intro_asked', 'introduced', 'met', 'referral', 'not_now'] as const;
const CHANNELS = ['email', 'message', 'call', 'video', 'in_person', 'other'] as const;
const WORDS = ['the', 'reorganisation', 'budget', 'meeting', 'launch', 'customer', 'review', 'team', 'feedback', 'deadline', 'board', 'plan', 'was', 'announced', 'moved', 'cut'];
const sentence = (rng: Rng, words: number) => Array.from({ length: words }, () => pick(rng, WORDS)).join(' ');

function contact(rng: Rng, today: Date, index: number) {
  const first = pick(rng, FIRST);
  const last = pick(rng, LAST);
  const status = chance(rng, 0.75) ? 'not_contacted' : pick(rng, STATUSES);
  const interactions =
    status === 'not_contacted'
      ? []
      : Array.from({ length: 1 + Math.floor(rng() * 3) }, () => ({
          id: uuid(rng),
          updated_at: stamp(today, -Math.floor(rng() * 60)),
          date: day(today, -Math.floor(rng() * 60)),
          channel: pick(rng, CHANNELS),
          note: chance(rng, 0.5) ? sentence(rng, 6) : '',
        })).sort((a, b) => a.date.localeCompare(b.date));
  return {
    id: uuid(rng),
    updated_at: stamp(today, -Math.floor(rng() * 90)),
    name: `${first} ${last} ${index + 1}`,
    how_we_know: pick(rng, HOW),
    relationship: chance(rng, 0.2) ? 'former manager' : '',
    how_often: chance(rng, 0.8) ? pick(rng, FREQUENCIES) : null,
    company: pick(rng, COMPANIES),
    role: pick(rng, ROLES),
    targets_job: chance(rng, 0.15) ? true : null,
    email: chance(rng, 0.3) ? `${first}.${last}${index}@example.com`.toLowerCase() : '',
    profile_url: chance(rng, 0.5) ? `https://www.linkedin.com/in/person-${index}` : '',
    notes: chance(rng, 0.2) ? sentence(rng, 8) : '',
    status,
    interactions,
    follow_up_days: pick(rng, [7, 14, 14, 30]),
  };
}

/** A workbook (schema 2) with `sizes` many contacts, time-log entries and timeline events. */
export function generateWorkbook(sizes: Sizes = LARGE, seed = 1, today = new Date()): Record<string, unknown> {
  const rng = random(seed);
  const projects = ['Portfolio site', 'A book on recovery', 'Open-source CLI', 'Consulting pilot'].map((name, i) => ({
    id: uuid(rng),
    updated_at: stamp(today, -100),
    name,
    kind: ['portfolio_site', 'book', 'open_source', 'hobby_to_consulting'][i],
    goal: 'Land a product role',
    status: 'active',
    weekly_hours: 5,
    milestones: [{ id: uuid(rng), updated_at: stamp(today, -50), text: 'First draft', done_on: day(today, -50) }],
  }));
  // Spread over the past two years, before today (so today can still be
  // logged), and at most 12 h on one day (the app refuses more than 24).
  const perDay = new Map<number, number>();
  const entries = Array.from({ length: sizes.timeEntries }, () => {
    const hours = Math.ceil(rng() * 16) / 4;
    let offset = -1 - Math.floor(rng() * 730);
    while ((perDay.get(offset) ?? 0) + hours > 12) offset -= 1;
    perDay.set(offset, (perDay.get(offset) ?? 0) + hours);
    return {
      id: uuid(rng),
      updated_at: stamp(today, offset),
      project: pick(rng, projects).id,
      date: day(today, offset),
      hours,
      note: chance(rng, 0.4) ? sentence(rng, 5) : '',
    };
  });
  const timeline = Array.from({ length: sizes.timelineEvents }, (_, i) => ({
    id: uuid(rng),
    updated_at: stamp(today, -30),
    date: chance(rng, 0.8) ? { precision: 'day', date: day(today, -400 + i) } : { precision: 'unknown' },
    what: `Event ${i + 1}: ${sentence(rng, 6)}`,
    my_part: chance(rng, 0.5) ? sentence(rng, 8) : '',
    turning_point: chance(rng, 0.05),
  }));
  return {
    schema_version: 2,
    created_at: stamp(today, -120),
    debrief: {
      setback: 'fired_or_laid_off',
      summary: 'Laid off in the March round after six years.',
      timeline,
      lessons: [{ id: uuid(rng), updated_at: stamp(today, -20), text: 'Ask for feedback early' }],
      updated_at: stamp(today, -20),
    },
    outreach: {
      contacts: Array.from({ length: sizes.contacts }, (_, i) => contact(rng, today, i)),
      share_by: day(today, -10),
      updated_at: stamp(today, -1),
    },
    mojo: { weekly_hours_goal: 15, projects, entries, updated_at: stamp(today, -1) },
    settings: { theme: 'system', welcomed: true },
  };
}

/** The workbook as the text kept in `localStorage`. */
export function generateWorkbookText(sizes: Sizes = LARGE, seed = 1, today = new Date()): string {
  return JSON.stringify(generateWorkbook(sizes, seed, today));
}

const csvField = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A LinkedIn `Connections.csv` export of `rows` people, with LinkedIn's preamble and BOM. */
export function generateConnectionsCsv(rows = LARGE.contacts, seed = 2): string {
  const rng = random(seed);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing."',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  ];
  for (let i = 0; i < rows; i++) {
    const first = pick(rng, FIRST);
    const last = `${pick(rng, LAST)}-${i + 1}`;
    lines.push(
      [
        first,
        last,
        `https://www.linkedin.com/in/${first.toLowerCase()}-${i + 1}`,
        chance(rng, 0.2) ? `${first}.${i}@example.com`.toLowerCase() : '',
        pick(rng, COMPANIES),
        pick(rng, ROLES),
        `${1 + Math.floor(rng() * 28)} ${pick(rng, months)} ${2015 + Math.floor(rng() * 10)}`,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return '\ufeff' + lines.join('\n') + '\n';
}
