import * as fs from 'fs';
import * as path from 'path';

const FIRST = ['Jane', 'Omar', 'Priya', 'Lee', 'Sam', 'Maya', 'Diego', 'Aisha', 'Noah', 'Ines', 'Kenji', 'Lucia', 'Tomas', 'Zara', 'Felix'];
const LAST = ['Smith', 'Haddad', 'Nair', 'Park', 'Okafor', 'Rossi', 'Kowalski', 'Nguyen', 'Garcia', 'Berg', 'Tanaka', 'Moreau'];
const ROLES = ['faculty', 'resident', 'program-director', 'chair', 'coordinator', 'researcher', 'student'];
const INST = ['Lakeside University', 'Northfield Medical Center', 'Harbor State', 'Summit Health', 'Riverside Children\'s'];
const KINDS = ['met', 'emailed', 'replied', 'call', 'followed-up', 'thanked', 'meeting'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A realistic 1–2 KB contact note; deterministic in `i`. */
export function syntheticNote(i: number): string {
  const first = FIRST[i % FIRST.length];
  const last = LAST[(i * 7) % LAST.length];
  const month = 1 + (i % 12);
  const day = 1 + (i % 27);
  const lines = [
    '---',
    `name: ${first} ${last} ${i}`,
    'title: Dr.',
    `role: ${ROLES[i % ROLES.length]}`,
    ...(i % 9 === 0 ? ['mentor: faculty'] : []),
    ...(i % 23 === 0 ? ['sponsor: true'] : []),
    `institution: ${INST[i % INST.length]}`,
    `email: ${first.toLowerCase()}.${last.toLowerCase()}${i}@example.org`,
    'interests: [microsurgery, craniofacial, hand surgery]',
    `met: 2026-${pad(month)}-${pad(day)}`,
    `met_at: "[[Conference ${i % 40}]]"`,
    `follow_up: 2026-${pad(1 + ((i + 3) % 12))}-${pad(1 + ((i + 5) % 27))}`,
    'cadence: 60d',
    'status: active',
    'tags: [plastics, network]',
    '---',
    `# ${first} ${last}`,
    '',
    'Met after the microsurgery panel; interested in outcomes research and resident education.',
    'Asked about away rotations and what the program values in applicants.',
    '',
    '## Interactions',
  ];
  for (let k = 0; k < 8; k++) {
    lines.push(`- 2026-${pad(1 + ((month + k) % 12))}-${pad(1 + ((day + k * 3) % 27))} ${KINDS[(i + k) % KINDS.length]}: notes about the conversation number ${k}, topics and next steps`);
  }
  lines.push('', '## Tasks', `- [ ] Send the abstract 📅 2026-${pad(1 + (i % 12))}-${pad(1 + (i % 27))}`, '- [x] Read the flap paper', '');
  return lines.join('\n');
}

export function generateVault(dir: string, count: number): void {
  fs.mkdirSync(path.join(dir, 'contacts'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'conferences'), { recursive: true });
  for (let c = 0; c < 40; c++) {
    fs.writeFileSync(path.join(dir, 'conferences', `conference-${c}.md`),
      `---\nname: Conference ${c}\nstart: 2026-${pad(1 + (c % 12))}-10\nend: 2026-${pad(1 + (c % 12))}-12\ngoals: [meet five attendings]\n---\n`);
  }
  fs.writeFileSync(path.join(dir, 'profile.md'), '---\nname: Bench Student\nschool: Northfield SOM\nyear: M4\n---\n');
  for (let i = 0; i < count; i++) fs.writeFileSync(path.join(dir, 'contacts', `contact-${i}.md`), syntheticNote(i));
}
