import { endsLeftToRight, isRightToLeft, leftToRightItem, leftToRightText, rightToLeftText, unswapLamAlef } from '../../../src/extraction/text/visual-to-logical';

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

  it.each([
    // One bracket drawn on its own (mirrored), the other inside the item pdf.js read in reading order.
    [
      [
        { text: ')', spaceBefore: false },
        { text: 'MBA', spaceBefore: false },
        { text: 'תואר שני, מנהל עסקים (', spaceBefore: false },
      ],
      'תואר שני, מנהל עסקים (MBA)',
    ],
    // Both brackets reported as the glyphs seen.
    [[{ text: 'תואר שני במנהל עסקים )MBA(, האוניברסיטה', spaceBefore: false }], 'תואר שני במנהל עסקים (MBA), האוניברסיטה'],
    // A bracket that pairs with nothing stays as it was.
    [[{ text: '1) פריט ראשון', spaceBefore: false }], '1) פריט ראשון'],
  ])('pairs brackets again: %j', (pieces, logical) => {
    expect(rightToLeftText(pieces)).toBe(logical);
  });

  it('keeps a single piece as pdf.js gave it', () => {
    expect(rightToLeftText([{ text: 'דנה כהן', spaceBefore: false }])).toBe('דנה כהן');
  });

  it('tells right-to-left text by its letters', () => {
    expect(isRightToLeft('Hebrew (עברית) and English')).toBe(false);
    expect(isRightToLeft('ניסיון תעסוקתי 2020')).toBe(true);
  });
});

describe('left-to-right paragraphs of right-to-left words', () => {
  const pieces = (visual: string) => [...words(visual.slice(0, -1)), { text: visual.slice(-1), spaceBefore: false }];

  it.each([
    // A Hebrew sentence in a page left at its default direction: its full stop drawn at the right.
    ['נתונים מבוססת החלטות וקבלת .', 'וקבלת החלטות מבוססת נתונים.'],
    ['باستخدام للمبيعات معلومات لوحات تطوير Power BI.', 'تطوير لوحات معلومات للمبيعات باستخدام Power BI.'],
  ])('reads %j as %j', (visual, logical) => {
    const drawn = visual.endsWith(' .') ? pieces(visual.replace(' .', '.')) : words(visual);
    expect(endsLeftToRight(drawn)).toBe(true);
    expect(leftToRightText(drawn)).toBe(logical);
  });

  it('leaves a right-to-left paragraph alone: its full stop is drawn at the left, or inside an item read in reading order', () => {
    expect(endsLeftToRight(words('. נתונים מבוססת החלטות'))).toBe(false);
    expect(
      endsLeftToRight([
        { text: 'Jira', spaceBefore: false },
        { text: 'ניסיון של שבע שנים.', spaceBefore: true },
      ]),
    ).toBe(false);
  });
});

describe('leftToRightItem', () => {
  it.each([
    // pdf.js read these items, mostly Hebrew, as right-to-left paragraphs: their runs come reversed.
    ['לניהול מלאי SaaS אחריות על מודול הדוחות במערכת', 'אחריות על מודול הדוחות במערכת SaaS לניהול מלאי'],
    ['להנהלת החברה -Tableauבניית דשבורדים ב', 'בניית דשבורדים ב-Tableau להנהלת החברה'],
    ['(MBA) תואר שני מנהל עסקים', 'תואר שני מנהל עסקים (MBA)'],
    // A line broken after "רב-": pdf.js puts the hyphen drawn at the line's right end first.
    ['-ופינטק. מובילה צוותים רב SaaS מנהלת מוצר', 'מנהלת מוצר SaaS ופינטק. מובילה צוותים רב-'],
    // One direction only, or too little Hebrew for pdf.js to reorder the item: kept.
    ['הובלת מחקר משתמשים עם 40 לקוחות', 'הובלת מחקר משתמשים עם 40 לקוחות'],
    ['Product roadmap for the payments team (תשלומים)', 'Product roadmap for the payments team (תשלומים)'],
  ])('reads %j as %j', (item, logical) => {
    expect(leftToRightItem(item)).toBe(logical);
  });

  it('puts a number drawn left of a Hebrew run ending in a hyphen after that hyphen', () => {
    const drawn = [
      { text: '18%', spaceBefore: false },
      { text: 'הגדלת שיעור ההמרה ב-', spaceBefore: false },
    ];
    expect(leftToRightText(drawn)).toBe('הגדלת שיעור ההמרה ב-18%');
    const hyphenWithNumber = [
      { text: '18%-', spaceBefore: false },
      { text: 'הגדלת שיעור ההמרה ב', spaceBefore: false },
    ];
    expect(leftToRightText(hyphenWithNumber)).toBe('הגדלת שיעור ההמרה ב-18%');
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
