// The briefing composer's state over a fake desk and router: the query comes from the URL, every
// change goes back to it, and the sheet on show stays while an edit reloads it.
import { describe, expect, it } from 'vitest';
import type { BriefingParams } from '../../../../shared/api';
import type { BriefingSheet } from '../../../../shared/types';
import { BriefingState } from './state.svelte';

const sheet = (title: string) => ({ title, layout: 'single', partners: [] }) as unknown as BriefingSheet;

function fakes() {
  const asked: BriefingParams[] = [];
  const gates: (() => void)[] = [];
  let hold = false;
  const desk = {
    briefing: async (p: BriefingParams) => {
      asked.push(p);
      if (hold) await new Promise<void>((r) => gates.push(r));
      return sheet(`${p.partners.join('+')} excluding ${(p.exclude ?? []).join(',') || 'nothing'}`);
    },
  };
  const went: { href: string; replace: boolean }[] = [];
  const navigate = (href: string, options: { replace: boolean }) => went.push({ href, replace: options.replace });
  return { desk, navigate, asked, went, gates, holdReplies: (on: boolean) => (hold = on) };
}

describe('BriefingState over a fake desk', () => {
  it('loads the sheet the URL asks for, and keeps it on show while an edit reloads', async () => {
    const f = fakes();
    const st = new BriefingState(f.desk, f.navigate);
    await st.read('partner=kosovo');
    expect(f.asked).toHaveLength(1);
    expect(st.shown?.title).toBe('kosovo excluding nothing');
    f.holdReplies(true);
    const reading = st.read('partner=kosovo&x=recognition');
    expect(st.shown?.title).toBe('kosovo excluding nothing'); // no blink while the new sheet loads
    f.gates.shift()?.();
    await reading;
    expect(st.shown?.title).toBe('kosovo excluding recognition');
  });

  it('drops the sheet on show when the partners change, and never shows a stale one', async () => {
    const f = fakes();
    const st = new BriefingState(f.desk, f.navigate);
    await st.read('partner=kosovo');
    f.holdReplies(true);
    const first = st.read('partner=greece');
    expect(st.shown).toBeUndefined();
    const second = st.read('partner=italy');
    f.gates.shift()?.(); // greece answers after italy was asked for
    await first;
    expect(st.shown).toBeUndefined();
    f.gates.shift()?.();
    await second;
    expect(st.shown?.title).toBe('italy excluding nothing');

    const third = st.read('partner=spain');
    await st.read(''); // the partner cleared before Spain's sheet came
    f.gates.shift()?.();
    await third;
    expect(st.shown).toBeUndefined();
  });

  it('writes every change to the URL: the paper and the note in place, the others as a new step', async () => {
    const f = fakes();
    const st = new BriefingState(f.desk, f.navigate);
    await st.read('partner=kosovo&pin=p1');
    st.setPaper('letter');
    st.remove('p1');
    st.choosePartner('greece');
    expect(f.went.map((w) => w.replace)).toEqual([true, false, false]);
    expect(f.went[0]?.href).toContain('paper=letter');
    expect(f.went[1]?.href).toContain('x=p1');
    expect(f.went[1]?.href).not.toContain('pin=');
    expect(f.went[2]?.href).toContain('partner=greece');
  });
});
