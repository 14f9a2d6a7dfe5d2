// Runs in Node (pure): browser and OS family from navigator.userAgentData and from real userAgent strings.
import { describe, expect, it } from 'vitest';
import { platformFromUserAgent, platformFromUserAgentData, platformOf } from '../../src/worker/user-agent';

describe('platformFromUserAgentData', () => {
  it('names the browser, not the engine or the GREASE brand', () => {
    const chrome = {
      brands: [
        { brand: 'Not)A;Brand', version: '8' },
        { brand: 'Chromium', version: '138' },
        { brand: 'Google Chrome', version: '138' },
      ],
      platform: 'Windows',
    };
    expect(platformFromUserAgentData(chrome)).toEqual({ browser: 'Chrome 138', os: 'Windows' });
    const edge = {
      brands: [
        { brand: 'Microsoft Edge', version: '140' },
        { brand: 'Chromium', version: '140' },
      ],
      platform: 'macOS',
    };
    expect(platformFromUserAgentData(edge)).toEqual({ browser: 'Edge 140', os: 'macOS' });
  });

  it('reads what headless Chromium on Linux says (brands in the order it gives them)', () => {
    expect(
      platformFromUserAgentData({
        brands: [
          { brand: 'Not:A-Brand', version: '8' },
          { brand: 'Chromium', version: '156' },
        ],
        platform: 'Linux',
      }),
    ).toEqual({ browser: 'Chromium 156', os: 'Linux' });
  });

  it('gives nothing it does not know', () => {
    expect(platformFromUserAgentData({ brands: [{ brand: 'Not A(Brand', version: '99' }], platform: '' })).toEqual({});
    expect(platformFromUserAgentData({})).toEqual({});
    expect(platformFromUserAgentData({ platform: 'Chrome OS' })).toEqual({ os: 'ChromeOS' });
  });
});

describe('platformFromUserAgent', () => {
  const cases: [string, string, string][] = [
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      'Headless Chrome 156',
      'Linux',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
      'Chrome 138',
      'Windows',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.3351.83',
      'Edge 138',
      'Windows',
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15',
      'Safari 18',
      'macOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
      'Safari 18',
      'iOS',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/138.0.7204.156 Mobile/15E148 Safari/604.1',
      'Chrome 138',
      'iOS',
    ],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:141.0) Gecko/20100101 Firefox/141.0', 'Firefox 141', 'Linux'],
    ['Mozilla/5.0 (Android 15; Mobile; rv:141.0) Gecko/141.0 Firefox/141.0', 'Firefox 141', 'Android'],
    [
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Mobile Safari/537.36',
      'Chrome 138',
      'Android',
    ],
    [
      'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/28.0 Chrome/130.0.0.0 Mobile Safari/537.36',
      'Samsung Internet 28',
      'Android',
    ],
    [
      'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36',
      'Chrome 138',
      'ChromeOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 OPR/120.0.0.0',
      'Opera 120',
      'Windows',
    ],
  ];
  it.each(cases)('%s', (ua, browser, os) => {
    expect(platformFromUserAgent(ua)).toEqual({ browser, os });
  });

  it('gives nothing for a string it does not recognise', () => {
    expect(platformFromUserAgent('')).toEqual({});
    expect(platformFromUserAgent('curl/8.5.0')).toEqual({});
  });
});

describe('platformOf', () => {
  it('prefers userAgentData and fills what it lacks from the userAgent string', () => {
    const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36';
    expect(platformOf({ userAgent: ua, userAgentData: { brands: [{ brand: 'Chromium', version: '156' }], platform: 'Linux' } })).toEqual({
      browser: 'Chromium 156',
      os: 'Linux',
    });
    expect(platformOf({ userAgent: ua, userAgentData: { brands: [], platform: '' } })).toEqual({
      browser: 'Headless Chrome 156',
      os: 'Linux',
    });
    expect(platformOf({})).toEqual({});
  });
});
