import { formatMonthYear, loadMonthYearWordings } from '../src/templates/shared/month-year';
import { SITE_LANGUAGES } from '../src/templates/i18n';

const intl = (year: number, month: number, language: string) => new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
const MONTHS = Array.from({ length: 12 }, (_, index) => index + 1);

describe('a month and year in a language', () => {
  // Other languages (pt-BR's "de", Japanese's 年, Thai's Buddhist years) go to Intl itself.
  it.each([...SITE_LANGUAGES, 'pt-BR', 'ja', 'th', 'ar-EG', 'fa'])('%s: as Intl writes it, every month, in years of three centuries', (language) => {
    for (const year of [1899, 1999, 2000, 2026, 2101]) {
      for (const month of MONTHS) expect(formatMonthYear(year, month, language)).toBe(intl(year, month, language));
    }
  });

  it("a site language's dates need no Intl formatter once its wording is read (the builder's snapshot holds no Intl object)", () => {
    loadMonthYearWordings();
    const made = jest.spyOn(Intl, 'DateTimeFormat');
    try {
      for (const language of SITE_LANGUAGES) formatMonthYear(2021, 3, language);
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
