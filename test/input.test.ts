import { describe, expect, test } from 'vitest';
import { InputError, mask, prepareInput } from '../src/input.ts';
import { analyze } from '../src/nlp.ts';

const opts = { maxBytes: 200_000 };

function refusal(text: string, maxBytes = 200_000): InputError {
  try {
    prepareInput(text, { maxBytes });
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error('expected the input to be refused');
}

describe('refused input', () => {
  test('empty and whitespace-only text', () => {
    expect(refusal('').code).toBe('empty');
    const e = refusal(' \n\t \r\n');
    expect(e.code).toBe('empty');
    expect(e.message).toMatch(/empty/);
  });

  test('NUL bytes', () => {
    const e = refusal('The army said\u0000 it advanced.');
    expect(e.code).toBe('binary');
    expect(e.message).toMatch(/binary/);
  });

  test('mostly control or undecodable characters', () => {
    expect(refusal('\u0001\u0002\u0003\u0004\uFFFD\uFFFDab\u0005\u0006').code).toBe('binary');
  });

  test('too large, counted in UTF-8 bytes, naming the limit and the size', () => {
    // 30 characters but 60 bytes: the limit is on bytes.
    const e = refusal('é'.repeat(30), 50);
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('50 bytes');
    expect(e.message).toContain('60 bytes');
    expect(refusal('x'.repeat(250_001)).message).toContain('200 KB');
    expect(() => prepareInput('é'.repeat(25), { maxBytes: 50 })).not.toThrow();
  });

  test('a stray control character is masked, not refused', () => {
    const text = 'The ministry said\u0007 the bridge was destroyed.';
    const p = prepareInput(text, opts);
    expect(p.masked).toBe('The ministry said  the bridge was destroyed.');
  });
});

describe('masking keeps length and offsets', () => {
  // [input, the words left after masking]
  const cases: [string, string[]][] = [
    ['<p>The army <b>said</b> so.</p>', ['The', 'army', 'said', 'so.']],
    ['Ping <@U123ABC> and <@U9|jo> <#C01|general> now', ['Ping', 'and', 'now']],
    ['Hey <!channel> <!here> <!everyone> <!subteam^S1|@desk>.', ['Hey', '.']],
    ['See <https://ex.org/a|the report> here', ['See', 'the', 'report', 'here']],
    ['See <https://ex.org/a> here', ['See', 'https://ex.org/a', 'here']],
    ['The *army* said _maybe_ it ~won~.', ['The', 'army', 'said', 'maybe', 'it', 'won', '.']],
    ['Keep snake_case and 2*3*4 and * bullets *', ['Keep', 'snake_case', 'and', '2*3*4', 'and', '*', 'bullets', '*']],
    ['<!-- note --><script>var x = 1;</script>Text<br/>more', ['Text', 'more']],
  ];
  test.each(cases)('%j', (input, kept) => {
    const out = mask(input);
    expect(out.length).toBe(input.length);
    expect(out.split(/\s+/).filter(Boolean)).toEqual(kept);
    // Each kept word sits where it was in the input.
    let from = 0;
    for (const w of kept) {
      const at = out.indexOf(w, from);
      expect(input.slice(at, at + w.length)).toBe(w);
      from = at + w.length;
    }
  });

  test('entities are decoded in place and padded with spaces', () => {
    expect(mask('Tom &amp; Jerry')).toBe('Tom &' + ' '.repeat(4) + ' Jerry');
    expect(mask('it&rsquo;s &#39;x&#x27;')).toBe('it’' + ' '.repeat(6) + 's ' + "'" + ' '.repeat(4) + 'x' + "'" + ' '.repeat(5));
    expect(mask('a &bogus; b')).toBe('a &bogus; b');
  });

  test('block tags leave a line break so sentences still end there', () => {
    expect(mask('Title</h1><p>Body')).toBe('Title\n    \n  Body');
  });

  test('escaped markup is text, not a tag', () => {
    expect(mask('a &lt;b&gt; c')).toBe('a <   b>    c');
  });

  test('spans found on the masked text point at the same words in the original', () => {
    const text = '<div>Officials &amp; <i>medics</i> said *twelve* people 😀 were hurt 👍🏽 near <https://x.io|Izium>.</div>';
    const p = prepareInput(text, opts);
    expect(p.masked.length).toBe(text.length);
    const doc = analyze(p.masked);
    const words = doc.tokens.filter((t) => /^\p{L}+$/u.test(t.value));
    expect(words.map((t) => t.value)).toEqual(['Officials', 'medics', 'said', 'twelve', 'people', 'were', 'hurt', 'near', 'Izium']);
    for (const t of words) expect(text.slice(t.start, t.end)).toBe(t.value);
    expect(p.notices.join(' ')).toMatch(/HTML tags/);
  });

  test('emoji stay whole and their spans are exact', () => {
    const text = 'Medics 😀 said the 🏥 was hit; 👍🏽 ok.';
    const p = prepareInput(text, opts);
    expect(p.masked).toBe(text);
    const doc = analyze(p.masked);
    const emoji = doc.tokens.filter((t) => /\p{Extended_Pictographic}/u.test(t.value));
    expect(emoji.length).toBeGreaterThanOrEqual(3);
    for (const t of emoji) expect(text.slice(t.start, t.end)).toBe(t.value);
    const hit = doc.tokens.find((t) => t.value === 'hit')!;
    expect(text.slice(hit.start, hit.end)).toBe('hit');
  });
});

describe('language', () => {
  test('English has no notice', () => {
    const p = prepareInput('The ministry said that its forces had taken the village.', opts);
    expect(p.language).toBe('en');
    expect(p.notices).toEqual([]);
  });

  test('Russian, Ukrainian and other text get a guess and a notice', () => {
    const ru = prepareInput('Министерство обороны заявило, что войска заняли деревню.', opts);
    expect(ru.language).toBe('ru');
    expect(ru.notices.join(' ')).toMatch(/Russian.*reads English/);
    expect(prepareInput('Міністерство заявило, що війська зайняли село.', opts).language).toBe('uk');
    const de = prepareInput('Das Ministerium erklärte am Montag, die Truppen hätten das Dorf eingenommen.', opts);
    expect(de.language).toBe('und');
    expect(de.notices.join(' ')).toMatch(/English/);
  });
});
