import { attemptsExhaustedRule } from './attemptsExhausted';
import { awaitingReplyRule } from './awaitingReply';
import { conferenceFollowUpRule } from './conferenceFollowUp';
import { conferencePrepRule } from './conferencePrep';
import type { ParamValues, RuleDescriptor, RuleParam, UnionToIntersection } from './descriptor';
import { erasUpdateRule } from './erasUpdate';
import { followUpDueRule } from './followUpDue';
import { interviewPrepRule } from './interviewPrep';
import { interviewRespondRule } from './interviewRespond';
import { keepInTouchRule } from './keepInTouch';
import { letterMaterialsRule } from './letterMaterials';
import { letterNoAnswerRule } from './letterNoAnswer';
import { letterReminderRule } from './letterReminder';
import { letterThankYouRule } from './letterThankYou';
import { matchNewsRule } from './matchNews';
import { postInterviewContactRule } from './postInterviewContact';
import { meetingPrepRule } from './meetingPrep';
import { milestoneDueRule } from './milestoneDue';
import { preRotationRule } from './preRotation';
import { reconnectRule } from './reconnect';
import { reportBackRule } from './reportBack';
import { researchCheckInRule } from './researchCheckIn';
import { researchNewsRule } from './researchNews';
import { rotationInterestRule } from './rotationInterest';
import { replyOwedRule } from './replyOwed';
import { rotationFeedbackRule } from './rotationFeedback';
import { rotationThankYouRule } from './rotationThankYou';

/**
 * Every follow-up rule, in the order the documentation lists them. This list is the
 * one place a new rule is registered (a unit test fails when a rule file in this
 * folder is missing from it); everything else is derived from the descriptors.
 * Rule files must not import `../settings` values: settings are built from this list.
 */
export const RULE_DESCRIPTORS = [
  followUpDueRule,
  conferenceFollowUpRule,
  awaitingReplyRule,
  attemptsExhaustedRule,
  replyOwedRule,
  rotationFeedbackRule,
  rotationThankYouRule,
  erasUpdateRule,
  keepInTouchRule,
  conferencePrepRule,
  letterNoAnswerRule,
  letterMaterialsRule,
  letterReminderRule,
  letterThankYouRule,
  interviewRespondRule,
  interviewPrepRule,
  postInterviewContactRule,
  matchNewsRule,
  researchCheckInRule,
  milestoneDueRule,
  researchNewsRule,
  meetingPrepRule,
  reportBackRule,
  preRotationRule,
  rotationInterestRule,
  reconnectRule,
] as const;

type AnyRule = (typeof RULE_DESCRIPTORS)[number];

/** Codes of the follow-up rules. Stable: settings, the Problems panel and the .ics UIDs use them. */
export type RuleCode = AnyRule['code'];
export const RULE_CODES: readonly RuleCode[] = RULE_DESCRIPTORS.map((d) => d.code);

/** Every rule's numbers, as one flat settings object (`rapport.<name>`, `.rapport.json`). */
export type RuleParamValues = UnionToIntersection<ParamValues<AnyRule>>;
export type RuleParamName = Extract<keyof RuleParamValues, string>;

const BY_CODE = new Map<string, RuleDescriptor>(RULE_DESCRIPTORS.map((d) => [d.code, d]));

export function isRuleCode(code: string): code is RuleCode {
  return BY_CODE.has(code);
}

export function ruleDescriptor(code: RuleCode): RuleDescriptor {
  return BY_CODE.get(code)!;
}

/** Every param with the rule that owns it, in documentation order. */
export function allParams(): { name: RuleParamName; param: RuleParam; rule: RuleDescriptor }[] {
  return RULE_DESCRIPTORS.flatMap((rule: RuleDescriptor) =>
    Object.entries(rule.params).map(([name, param]) => ({ name: name as RuleParamName, param, rule })));
}
