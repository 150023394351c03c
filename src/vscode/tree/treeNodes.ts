import type { FollowUp } from '../../core/rules/types';

/** The nodes of Rapport's trees; items are built from them on demand, never stored. */
export type TreeNode =
  | { type: 'group'; id: string; label: string; paths: string[]; description?: string; tooltip?: string }
  | { type: 'contact'; path: string; parent: string }
  | { type: 'bucket'; id: string; label: string; items: { path: string; followUp: FollowUp }[] }
  | { type: 'followUp'; path: string; followUp: FollowUp }
  | { type: 'event'; path: string }
  | { type: 'section'; id: string; label: string; path: string; section: 'goals' | 'shortlist' | 'contacts' }
  | { type: 'leaf'; id: string; label: string; description?: string; icon: string; path?: string; line?: number; met?: boolean };

