import { isRightToLeft, rightToLeftText, unswapLamAlef } from '../../../src/extraction/text/visual-to-logical';

// Words as separate pieces, spaced as drawn.
const words = (visual: string) => visual.split(' ').map((text, i) => ({ text, spaceBefore: i > 0 }));

describe('rightToLeftText', () => {
  it.each([
    ['כהן נועה', 'נועה כהן'],
    ['היום – 2021', '2021 – היום'],
    ['Jira, Amplitude, Figma, SQL :טכנולוגיות', 'טכנולוגיות: Jira, Amplitude, Figma, SQL'],
    ['אביב תל ,Finlio ,בכירה מוצר מנהלת', 'מנהלת מוצר בכירה, Finlio, תל אביב'],
    // Left-to-right items with only punctuation between them form one run, read as drawn.
    ['linkedin.com/in/noa · אביב תל · noa@example.com · 054-7123456', 'noa@example.com · 054-7123456 · תל אביב · linkedin.com/in/noa'],
    ['עם ,להשקה ועד .ופינטק SaaS בחברות', 'בחברות SaaS ופינטק. ועד להשקה, עם'],
    // Numbers apart in a right-to-left paragraph are laid out from the right, one by one.
    ['2021 – 2018 | أرامكس شركة', 'شركة أرامكس | 2018 – 2021'],
    ['0142 555 79 962 +', '+ 962 79 555 0142'],
    ['2021-03 – 2018-04 :תקופה', 'תקופה: 2018-04 – 2021-03'],
  ])('reads %j as %j', (visual, logical) => {
    expect(rightToLeftText(words(visual))).toBe(logical);
  });

  it('joins pieces drawn without a space between them in reading order', () => {
    expect(
      rightToLeftText([
        { text: 'תחומיים', spaceBefore: false },
        { text: '-', spaceBefore: false },
        { text: 'רב', spaceBefore: false },
      ]),
    ).toBe('רב-תחומיים');
    expect(
      rightToLeftText([
        { text: '18%', spaceBefore: false },
        { text: '-', spaceBefore: false },
        { text: 'ב', spaceBefore: false },
      ]),
    ).toBe('ב-18%');
  });

  it('puts the hyphen of a Hebrew prefix before the Latin word or number it joins', () => {
    expect(
      rightToLeftText([
        { text: 'Tableau-', spaceBefore: false },
        { text: 'ב', spaceBefore: false },
        { text: 'דשבורדים', spaceBefore: true },
      ]),
    ).toBe('דשבורדים ב-Tableau');
    expect(
      rightToLeftText([
        { text: '18%-', spaceBefore: false },
        { text: 'ב', spaceBefore: false },
      ]),
    ).toBe('ב-18%');
  });

  it('mirrors brackets drawn on their own around a left-to-right run', () => {
    expect(rightToLeftText(words('האוניברסיטה , ( MBA ) עסקים').map((w) => ({ ...w, spaceBefore: w.text === 'האוניברסיטה' || w.text === 'עסקים' || w.text === ',' })))).toBe(
      'עסקים (MBA), האוניברסיטה',
    );
  });

  it('keeps a single piece as pdf.js gave it', () => {
    expect(rightToLeftText([{ text: 'דנה כהן', spaceBefore: false }])).toBe('דנה כהן');
  });

  it('tells right-to-left text by its letters', () => {
    expect(isRightToLeft('Hebrew (עברית) and English')).toBe(false);
    expect(isRightToLeft('ניסיון תעסוקתי 2020')).toBe(true);
  });
});

describe('unswapLamAlef', () => {
  it('puts back the lam-alef ligatures pdf.js swaps after the article', () => {
    expect(unswapLamAlef('الجامعة األردنية اآلن االتصال اإلنجليزية')).toBe('الجامعة الأردنية الآن الاتصال الإنجليزية');
  });

  it('leaves alef-lam where Arabic has it', () => {
    expect(unswapLamAlef('البنك إلى ألف سؤال')).toBe('البنك إلى ألف سؤال');
  });
});
