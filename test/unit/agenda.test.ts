import * as assert from 'assert';
import { agendaItems, buildAgenda, formatAgenda } from '../../src/core/agenda';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { note, vaultOf } from './rulesSupport';

const FILES = {
  'contacts/late.md': note(['name: Lee Late', 'follow_up: 2026-11-20']),
  'contacts/today.md': note(['name: Tia Today'], [], ['- [ ] Send slides 📅 2026-11-25']),
  'contacts/soon.md': note(['name: Sol Soon', 'follow_up: 2026-12-02']),
  'contacts/edge.md': note(['name: Eve Edge', 'follow_up: 2026-12-03']),
  'contacts/nudge.md': note(['name: Ned Nudge'], ['2026-11-17 emailed — asked']),
  'contacts/quiet.md': note(['name: Quinn Quiet', 'status: dormant', 'follow_up: 2026-11-01']),
  'conferences/meeting.md': note(['name: Winter Meeting', 'start: 2026-12-08', 'shortlist: [Dr. A]']),
};

describe('agenda', () => {
  it('buckets follow-ups: overdue, today, the next N days, and what already shows but is due later', async () => {
    const vault = await vaultOf(FILES);
    const agenda = buildAgenda(vault, '2026-11-25', DEFAULT_SETTINGS, 7);
    const names = (items: { name: string; due: string }[]) => items.map((i) => `${i.due} ${i.name}`);
    assert.deepStrictEqual(names(agenda.overdue), ['2026-11-20 Lee Late']);
    assert.deepStrictEqual(names(agenda.dueToday), ['2026-11-25 Tia Today']);
    // The nudge to Ned is due 2026-11-27 and already shows (day 8 of 7–10).
    assert.deepStrictEqual(names(agenda.upcoming), ['2026-11-27 Ned Nudge', '2026-12-02 Sol Soon']);
    assert.deepStrictEqual(names(agenda.later), ['2026-12-08 Winter Meeting']);
    assert.strictEqual(agendaItems(agenda).length, 5);
  });

  it('describes each item: due, contact, path, 1-based line, action, template, code, severity', async () => {
    const vault = await vaultOf(FILES);
    const agenda = buildAgenda(vault, '2026-11-25', DEFAULT_SETTINGS, 7);
    assert.deepStrictEqual(agenda.upcoming[0], {
      due: '2026-11-27',
      contact: 'Ned Nudge',
      name: 'Ned Nudge',
      path: 'contacts/nudge.md',
      line: 7,
      action: 'Send one polite follow-up',
      template: 'polite-follow-up',
      code: 'awaiting-reply',
      severity: 'info',
      message: agenda.upcoming[0].message,
      key: 'thread',
      active: true,
    });
    const soon = agenda.upcoming[1];
    assert.strictEqual(soon.active, false, 'a follow_up in the future is coming, not showing');
    assert.strictEqual(agenda.later[0].contact, null);
  });

  it('widens with --days: the window is inclusive', async () => {
    const vault = await vaultOf(FILES);
    const names = (days: number) => buildAgenda(vault, '2026-11-25', DEFAULT_SETTINGS, days).upcoming.map((i) => i.name);
    assert.deepStrictEqual(names(8), ['Ned Nudge', 'Sol Soon', 'Eve Edge']);
    assert.deepStrictEqual(names(0), []);
  });

  it('formats one line per item under headed sections', async () => {
    const vault = await vaultOf(FILES);
    const text = formatAgenda(buildAgenda(vault, '2026-11-25', DEFAULT_SETTINGS, 7));
    assert.strictEqual(text, [
      'Rapport agenda for 2026-11-25',
      '',
      'Overdue (1)',
      '  2026-11-20 (5d late)  Lee Late — Follow up as planned  [template: keep-in-touch]  contacts/late.md:3',
      '',
      'Today (1)',
      '  2026-11-25  Tia Today — Send slides  contacts/today.md:6',
      '',
      'Next 7 days (2)',
      '  2026-11-27  Ned Nudge — Send one polite follow-up  [template: polite-follow-up]  contacts/nudge.md:7',
      '  2026-12-02  Sol Soon — Follow up as planned  [template: keep-in-touch]  contacts/soon.md:3',
      '',
      'Later (already showing) (1)',
      '  2026-12-08  Winter Meeting — Finish the shortlist and goals  [template: conference-approach]  conferences/meeting.md:4',
      '',
    ].join('\n'));
  });

  it('says so when there is nothing', async () => {
    const vault = await vaultOf({ 'contacts/quiet.md': FILES['contacts/quiet.md'] });
    assert.match(formatAgenda(buildAgenda(vault, '2026-11-25', DEFAULT_SETTINGS)), /Overdue \(0\)\n {2}nothing\n/);
  });
});

describe('agenda: what it could not read', () => {
  it('says when notes have problems instead of "on track", and counts them in JSON', async () => {
    const broken = await vaultOf({
      'contacts/broken.md': '---\nname: [unclosed\nfollow_up: 2026-11-20\n---\n',
      'contacts/fine.md': note(['name: Fay Fine']),
    });
    const agenda = buildAgenda(broken, '2026-11-25', DEFAULT_SETTINGS, 7);
    assert.deepStrictEqual(agenda.unread, { notes: 1, problems: 1 });
    const text = formatAgenda(agenda);
    assert.match(text, /1 problem in 1 note could not be read, so their follow-ups may be missing here: run rapport check\.\n$/);
    assert.doesNotMatch(text, /on track/);
  });

  it('says "on track" only when nothing is due and every note was read', async () => {
    const clean = await vaultOf({ 'contacts/fine.md': note(['name: Fay Fine']) });
    const agenda = buildAgenda(clean, '2026-11-25', DEFAULT_SETTINGS, 7);
    assert.deepStrictEqual(agenda.unread, { notes: 0, problems: 0 });
    assert.match(formatAgenda(agenda), /Every relationship is on track\.\n$/);
  });
});
