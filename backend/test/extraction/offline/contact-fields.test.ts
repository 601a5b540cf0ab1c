import { findPhone, findUrl, linkOf, parseLocation, placeOnly } from '../../../src/extraction/extractors/offline/contact-fields';

describe('contact fields', () => {
  it.each(['+44 7700 900431', '(917) 555-0133', '054-7123456', '06 12 34 56 78', '+49 30 1234567'])('reads %j as a phone', (phone) => {
    expect(findPhone(phone)).toBe(phone);
  });

  it.each(['+1 415\u2011555\u20110132', '(415) 555\u20100132', '+44 20 7946\u20120958', '+49 (0)30 123-456', '+49 (0)30 123\u2011456', '054\u00ad7123456', '+33 6\uff0d12\uff0d34\uff0d56\uff0d78'])(
    'reads %j, grouped by any dash, as one phone',
    (phone) => {
      expect(findPhone(phone)).toBe(phone);
    },
  );

  it.each(['2013-12-01', '01.03.2018', '2018 - 2020', '12345', '2018\u20102020', '03/2017 \u2212 12/2019', '2019/2020'])('does not read %j as a phone', (text) => {
    expect(findPhone(text)).toBeNull();
  });

  it('reads a town with its state code and no comma, as a sidebar sets it, as town and state', () => {
    expect(placeOnly('BROOKLYN NY')).toEqual({ city: 'BROOKLYN', state: 'NY' });
    expect(placeOnly('Ann Arbor MI')).toEqual({ city: 'Ann Arbor', state: 'MI' });
    expect(placeOnly('Madrid')).toEqual({ city: 'Madrid' });
  });

  it('reads a town with its country and no comma as town and country, but a state named whole stays whole', () => {
    expect(placeOnly('Madrid España')).toEqual({ city: 'Madrid', country: 'España' });
    expect(placeOnly('杭州 中国')).toEqual({ city: '杭州', country: '中国' });
    expect(placeOnly('Tel Aviv Israel')).toEqual({ city: 'Tel Aviv', country: 'Israel' });
    expect(placeOnly('New Jersey')).toEqual({ city: 'New Jersey' });
    expect(placeOnly('Atlanta Georgia')).toEqual({ city: 'Atlanta', state: 'Georgia' });
  });

  it('finds addresses but not file names, and leaves an email alone', () => {
    expect(findUrl('Code: github.com/dokafor/pgshift.')).toBe('github.com/dokafor/pgshift');
    expect(findUrl('see http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)')).toBe('http://en.wikipedia.org/wiki/Silicon_Valley_(TV_series)');
    expect(findUrl('Node.js, Vue.js and ASP.NET')).toBeNull();
    expect(findUrl('jane@example.com')).toBeNull();
  });

  it('names the platform from the address, else from the label, else not at all', () => {
    expect(linkOf('linkedin.com/in/jane', null)).toEqual({ platform: 'LinkedIn', url: 'linkedin.com/in/jane' });
    expect(linkOf('jane.dev', 'Portfolio')).toEqual({ platform: 'Portfolio', url: 'jane.dev' });
    expect(linkOf('jane.dev', null)).toEqual({ url: 'jane.dev' });
  });

  it.each([
    ['San Francisco, CA', { city: 'San Francisco', state: 'CA' }],
    ['Austin, TX, USA', { city: 'Austin', state: 'TX', country: 'USA' }],
    ['Madrid, España', { city: 'Madrid', country: 'España' }],
    ['תל אביב, ישראל', { city: 'תל אביב', country: 'ישראל' }],
    ['عمّان, الأردن', { city: 'عمّان', country: 'الأردن' }],
    ['東京都渋谷区, 日本', { city: '東京都渋谷区', country: '日本' }],
    ['杭州, 中国', { city: '杭州', country: '中国' }],
    ['Porto, Portugal', { city: 'Porto', country: 'Portugal' }],
    ['Lyon, Frankreich', { city: 'Lyon', country: 'Frankreich' }],
    ['2712 Broadway St, San Francisco, California, CA 94115, US', { address: '2712 Broadway St', city: 'San Francisco', state: 'California', postalCode: 'CA 94115', country: 'US' }],
  ])('reads the place %j', (text, location) => {
    expect(parseLocation(text)).toEqual(location);
  });

  it.each(['Senior Engineer, Acme', 'Go, Rust, Python', 'مهندسة بيانات, شركة أرامكس', 'Graphic Designer, Lumen Packaging Co., Jersey'])('does not take %j for a place', (text) => {
    expect(parseLocation(text)).toBeNull();
  });
});
