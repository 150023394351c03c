/**
 * What `rapport init` puts in a new, empty vault: the four note folders, a profile with every
 * field the email templates read (`{{me.name}}`, `{{me.school}}`, `{{me.year}}`,
 * `{{me.interest}}`, `{{me.email}}`, `{{me.phone}}`), a `.gitignore` for a vault kept in git,
 * and a short README. Pure data: src/node/vaultInit.ts writes it, never over an existing file.
 */

export const VAULT_FOLDERS = ['contacts', 'conferences', 'rotations', 'programs'] as const;

export interface SkeletonFile {
  path: string;
  text: string;
}

const PROFILE = `---
type: profile
name:                 # your name, as you sign an email
school:               # your medical school
year:                 # MS3, MS4…
interests: []         # e.g. [microsurgery, craniofacial surgery]
email:                # where contacts can write to you
phone:
---
# About me

A line or two about what you are looking for this season.
`;

const GITIGNORE = `# Editor and OS clutter: the notes are what this repository keeps.
.DS_Store
Thumbs.db
*.swp
*~
.obsidian/workspace*.json
.trash/

# Exports Rapport can make again at any time (rapport ics, rapport check > …)
*.ics

# Imports: a LinkedIn or phone export holds other people's data; keep the notes, not the file.
Connections.csv
*.vcf
`;

const README = `# My Rapport vault

One markdown note per person you meet on the way to residency, in \`contacts/\`; conferences in
\`conferences/\`, rotations in \`rotations/\`, programs in \`programs/\`; you in \`profile.md\` (it fills
every email). Open this folder in VS Code with Rapport, or run \`rapport agenda\` and
\`rapport check\` in it.

A contact note:

\`\`\`markdown
---
name: Jane Smith
title: Dr.
role: faculty
institution: Lakeside University
met: 2026-10-12
met_at: ASPS 2026
---
## Interactions
- 2026-10-12 met — after her panel
- [ ] Send her my abstract 📅 2026-10-16
\`\`\`

Keep patient information out of these notes. \`rapport init --sample\` makes a vault full of
examples to look at first.
`;

export const VAULT_FILES: readonly SkeletonFile[] = [
  { path: 'profile.md', text: PROFILE },
  { path: '.gitignore', text: GITIGNORE },
  { path: 'README.md', text: README },
];

/** The names whose presence makes a folder a vault already (as the extension's activation reads it). */
export const VAULT_MARKERS = ['profile.md', '.rapport.json', 'rapport.config.json', 'contacts'] as const;
