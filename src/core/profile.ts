import type { Severity } from './types';
import type { Vault } from './vault';
import { PROFILE } from './vaultSkeleton';

/** Where the student's own details live: the `me.*` fields of every email template. */
export const PROFILE_FILE = 'profile.md';
export const MISSING_PROFILE_CODE = 'missing-profile';

/**
 * A new profile.md: the same template `rapport init` writes, with every field an email
 * template reads from it (`me.name`, `me.school`, `me.year`, `me.interest` from
 * `interests`, `me.email`, `me.phone`), empty for the student to fill in.
 */
export const PROFILE_TEMPLATE = PROFILE;

export interface VaultProblem {
  code: string;
  severity: Severity;
  message: string;
}

/**
 * One problem for the whole vault when it has contacts but no profile: without it every
 * email is signed "[your name]", "[your school]", so it is said once here rather than as a
 * gap in each draft. (A vault with no contacts writes no email yet.)
 */
export function missingProfile(vault: Vault): VaultProblem | null {
  if (vault.profile() !== undefined || vault.contacts().length === 0) return null;
  return {
    code: MISSING_PROFILE_CODE,
    severity: 'warning',
    message: 'There is no profile.md: emails cannot be signed with your name, school and year. '
      + 'Create it from the template with "Rapport: Open My Profile" (or `rapport profile`), then fill it in.',
  };
}
