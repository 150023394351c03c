import type { CalendarDate } from '../dates';
import type { RapportSettings, RuleCode } from '../settings';
import type { Note, Problem, Severity } from '../types';
import type { Vault } from '../vault';
import type { RuleIndex } from './ruleIndex';

/** A follow-up: a problem with a due date, the contact it concerns and what to do. */
export interface FollowUp extends Problem {
  code: RuleCode;
  /** The day the action is (or was) due. */
  due: CalendarDate;
  /** The contact's name, or null for a rotation or conference note. */
  contact: string | null;
  /** A short imperative, e.g. "Send a conference follow-up email". */
  action: string;
  /** The id of the email template that fits, when one does. */
  template?: string;
  /**
   * What the follow-up is about within its note (a task's text, a rotation's path…),
   * so two follow-ups of one rule on one note stay apart. Stable across edits that
   * move lines, which is what calendar UIDs need.
   */
  key: string;
  /**
   * The other reminders this one stands for: the same person's less urgent ones (one
   * primary reminder per person) or the lapsed ones a `reconnect` hint replaced.
   * Shown in hovers and tooltips, never as more rows.
   */
  others?: OtherReminder[];
}

/** A reminder folded into another (see `FollowUp.others`). */
export interface OtherReminder {
  code: RuleCode;
  severity: Severity;
  due: CalendarDate;
  message: string;
  /** 0-based line it points at in the same note. */
  line: number;
}

/** A follow-up whether or not it shows yet: the agenda also lists what is coming. */
export interface ScheduledFollowUp extends FollowUp {
  /** The first day it shows as a problem. */
  showFrom: CalendarDate;
  /** True when `today` is on or after `showFrom`. */
  active: boolean;
}

/** What a rule computes, before settings (on/off, severity override) are applied. */
export interface Finding {
  code: RuleCode;
  /** The graded severity for `today` (or, before `showFrom`, the one it will first have). */
  severity: Severity;
  due: CalendarDate;
  showFrom: CalendarDate;
  /** The last day it may show, inclusive (rotation feedback is pointless after the rotation). */
  showUntil?: CalendarDate;
  /** 0-based line the problem points at. */
  line: number;
  message: string;
  action: string;
  template?: string;
  key: string;
}

export interface RuleContext {
  vault: Vault;
  today: CalendarDate;
  settings: RapportSettings;
  /** Vault-wide facts (who was on which rotation), built once per evaluation. */
  index(): RuleIndex;
}

export type Rule = (note: Note, ctx: RuleContext) => Finding[];
