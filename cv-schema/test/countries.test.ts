import { countryCode, countryName, loadCountryNames } from '../src/countries';

describe('countries', () => {
  it('reads codes and names in the listed languages and others', () => {
    expect(countryCode('Deutschland')).toBe('DE');
    expect(countryCode('uk')).toBe('GB');
    expect(countryName('IL', 'he')).toBe(new Intl.DisplayNames('he', { type: 'region' }).of('IL'));
    expect(countryName('DE', 'fi')).toBe('Saksa');
    expect(countryName('DE', 'not a language')).toBe('Germany');
    expect(countryName('QZ', 'en')).toBeNull();
    expect(countryName('Germany', 'en')).toBeNull();
  });

  it("names a country in a listed language without an Intl object once loaded (the builder's snapshot holds none)", () => {
    loadCountryNames();
    const made = jest.spyOn(Intl, 'DisplayNames');
    try {
      expect(countryName('FR', 'de')).toBe('Frankreich');
      expect(countryName('US', 'en')).toBe('United States');
      expect(made).not.toHaveBeenCalled();
    } finally {
      made.mockRestore();
    }
  });
});
