// Runs in the worker (pure, tested in Node). Browser and OS family from what the browser says about itself:
// navigator.userAgentData (Chromium; also in workers) where present, else the userAgent string. Only the major
// version is kept: that is all userAgentData gives, and all a reader of a run needs.

export interface Platform {
  /** "Chrome 156", "Edge 140", "Firefox 141", "Safari 18"; absent when not recognised. */
  browser?: string;
  /** "Linux", "Windows", "macOS", "Android", "iOS", "ChromeOS"; absent when not recognised. */
  os?: string;
}

/** The shape of NavigatorUAData used here (TypeScript's DOM library does not have it). */
export interface UserAgentDataLike {
  brands?: readonly { brand: string; version: string }[];
  platform?: string;
}

// The one brand to show when several are listed: a browser's own name beats the engine's ("Google Chrome"
// and "Chromium" both appear in Chrome); GREASE entries ("Not)A;Brand") are noise by design.
const BRAND_NAMES: readonly [RegExp, string][] = [
  [/^Microsoft Edge$/i, 'Edge'],
  [/^Opera$/i, 'Opera'],
  [/^Google Chrome$/i, 'Chrome'],
  [/^Brave$/i, 'Brave'],
  [/^Chromium$/i, 'Chromium'],
];

const PLATFORM_NAMES: Record<string, string> = {
  linux: 'Linux',
  windows: 'Windows',
  macos: 'macOS',
  android: 'Android',
  ios: 'iOS',
  'chrome os': 'ChromeOS',
  chromeos: 'ChromeOS',
};

export function platformFromUserAgentData(data: UserAgentDataLike): Platform {
  let browser: string | undefined;
  for (const [pattern, name] of BRAND_NAMES) {
    const brand = data.brands?.find((b) => pattern.test(b.brand.trim()));
    if (brand) {
      const major = /^\d+/.exec(brand.version)?.[0];
      browser = major ? `${name} ${major}` : name;
      break;
    }
  }
  const platform = data.platform?.trim();
  const os = platform ? (PLATFORM_NAMES[platform.toLowerCase()] ?? platform) : undefined;
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
}

// Order matters: Edge and Opera also say Chrome; Chrome says Safari; Chrome and Firefox on iOS say Safari too.
const UA_BROWSERS: readonly [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/(\d+)/, 'Edge'],
  [/\bOPR\/(\d+)/, 'Opera'],
  [/\bSamsungBrowser\/(\d+)/, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\/(\d+)/, 'Firefox'],
  [/\bHeadlessChrome\/(\d+)/, 'Headless Chrome'],
  [/\b(?:Chrome|CriOS)\/(\d+)/, 'Chrome'],
  [/\bVersion\/(\d+)(?:[.\d]*)? (?:Mobile\/\S+ )?Safari\//, 'Safari'],
];

// Android before Linux (Android says Linux), iOS before macOS (iPad may say Mac OS X with Mobile).
const UA_SYSTEMS: readonly [RegExp, string][] = [
  [/\bAndroid\b/, 'Android'],
  [/\b(?:iPhone|iPad|iPod)\b/, 'iOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b|\bX11\b/, 'Linux'],
];

export function platformFromUserAgent(userAgent: string): Platform {
  let browser: string | undefined;
  for (const [pattern, name] of UA_BROWSERS) {
    const match = pattern.exec(userAgent);
    if (match) {
      browser = `${name} ${match[1]}`;
      break;
    }
  }
  const os = UA_SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  return { ...(browser ? { browser } : {}), ...(os ? { os } : {}) };
}

/** userAgentData where the browser has it, the userAgent string for what it leaves out. */
export function platformOf(nav: { userAgent?: string; userAgentData?: UserAgentDataLike }): Platform {
  const fromData = nav.userAgentData ? platformFromUserAgentData(nav.userAgentData) : {};
  const fromString = typeof nav.userAgent === 'string' ? platformFromUserAgent(nav.userAgent) : {};
  return { ...fromString, ...fromData };
}
