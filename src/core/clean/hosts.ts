/**
 * Hosts whose images and frames are ads or trackers, never article content.
 * A host matches itself and its subdomains. Kept short and reviewed by hand:
 * these are the networks that show up in real news pages.
 */
export const AD_HOSTS: readonly string[] = [
  'doubleclick.net',
  'googlesyndication.com',
  'googleadservices.com',
  'adservice.google.com',
  'googletagservices.com',
  'amazon-adsystem.com',
  'adnxs.com',
  'criteo.com',
  'criteo.net',
  'taboola.com',
  'outbrain.com',
  'revcontent.com',
  'mgid.com',
  'rubiconproject.com',
  'pubmatic.com',
  'openx.net',
  'casalemedia.com',
  'smartadserver.com',
  'adform.net',
  'yieldmo.com',
  'teads.tv',
  'media.net',
  'zergnet.com',
  'plista.com',
  'ligatus.com',
];

export const TRACKER_HOSTS: readonly string[] = [
  'google-analytics.com',
  'googletagmanager.com',
  'doubleclick.net',
  'facebook.com/tr',
  'connect.facebook.net',
  'scorecardresearch.com',
  'quantserve.com',
  'quantcount.com',
  'pixel.wp.com',
  'stats.wp.com',
  'bat.bing.com',
  'analytics.twitter.com',
  't.co/i/adsct',
  'ct.pinterest.com',
  'px.ads.linkedin.com',
  'chartbeat.net',
  'chartbeat.com',
  'hotjar.com',
  'mixpanel.com',
  'segment.io',
  'omtrdc.net',
  'demdex.net',
  'krxd.net',
  'bluekai.com',
  'adsrvr.org',
  'rlcdn.com',
  'ioam.de',
  'xiti.com',
  'gemius.pl',
  'mc.yandex.ru',
  'hm.baidu.com',
  'cnzz.com',
  'statcounter.com',
  'parsely.com',
  'newrelic.com',
  'nr-data.net',
  'pixel.quantserve.com',
  'sb.scorecardresearch.com',
  'b.scorecardresearch.com',
  'mathtag.com',
  'everesttech.net',
  'agkn.com',
  'addthis.com',
  'sharethis.com',
];

/** True when `url` points at one of `hosts` (a host, or a host plus path prefix). */
export function urlMatchesHosts(url: string, hosts: readonly string[], base?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname.toLowerCase();
  const hostAndPath = host + parsed.pathname;
  return hosts.some((entry) => {
    if (entry.includes('/')) return hostAndPath === entry || hostAndPath.startsWith(entry + '/') || hostAndPath.endsWith('.' + entry);
    return host === entry || host.endsWith('.' + entry);
  });
}
