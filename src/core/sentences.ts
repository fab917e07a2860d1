// Sentence splitting for the corpus's prose: the builder cuts events from sentences and the
// comparison quotes them, so both must cut the same way.
/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'No', 'Nos', 'no', 'nos', 'i.a', 'e.g', 'i.e', 'etc', 'cf', 'vs', 'viz', 'approx', 'ca', 'c', 'p', 'pp', 'para', 'Art',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Gen', 'Lt', 'Col', 'Capt', 'Sgt', 'Gov', 'Sen', 'Rep', 'Amb', 'Hon', 'Rev',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Inc', 'Ltd', 'Co', 'Corp', 'Vol',
  'Fig', 'U.S', 'U.K', 'U.N', 'E.U', 'U.S.A',
]);
/** Abbreviations that can also end a sentence: they do when the next word plainly starts one. */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['U.S', 'U.K', 'U.N', 'E.U', 'U.S.A', 'etc']);
const SENTENCE_STARTERS = new Set(
  ('A An The This That These Those It Its He She They We I In On At As After Before During Since Through ' +
    'However But And Or Yet So Thus Therefore Meanwhile Moreover Furthermore Also When While Although Though ' +
    'His Her Their Our There Here Today Such Both Each Many Most Some All No Nor For From With Without By Under')
    .split(' '),
);

/**
 * Split a paragraph into sentences. A sentence ends at . ! ? (plus closing quotes or brackets)
 * followed by white space and a capital, digit, quote, bracket or currency sign — except after
 * abbreviations ("U.S.", "No.", "i.a.", "Mr."), single initials ("J. Smith"), and never inside a
 * number ("92.93", "35.3 km").
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?]+["”’')\]]*(?=\s+["“‘'(\[€$£\p{Lu}\p{N}])/gu;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.')) {
      const token = /(\S+)$/.exec(text.slice(start, m.index))?.[1] ?? '';
      const word = token.replace(/^["“‘'(\[]+/, '');
      const next = /^\s+["“‘'(\[]*([\p{L}\p{N}]+)/u.exec(text.slice(end))?.[1] ?? '';
      if (ABBREVIATIONS.has(word)) {
        if (!(SENTENCE_FINAL_ABBREVIATIONS.has(word) && SENTENCE_STARTERS.has(next))) continue;
      } else if (/^\p{Lu}$/u.test(word)) {
        continue; // an initial
      }
    }
    const sentence = text.slice(start, end).trim();
    if (sentence) out.push(sentence);
    start = end;
  }
  const last = text.slice(start).trim();
  if (last) out.push(last);
  return out;
}
