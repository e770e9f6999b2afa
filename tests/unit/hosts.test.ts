import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AD_HOSTS, TRACKER_HOSTS, urlMatchesHosts } from '../../src/core/clean/hosts.ts';

const BASE = 'https://news.example.com/story/1';

test('urlMatchesHosts: a host and its subdomains, any case, with or without a scheme', () => {
  assert.ok(urlMatchesHosts('https://www.google-analytics.com/collect?v=1', TRACKER_HOSTS, BASE));
  assert.ok(urlMatchesHosts('//SB.ScorecardResearch.com/p?c1=2', TRACKER_HOSTS, BASE));
  assert.ok(urlMatchesHosts('https://securepubads.g.doubleclick.net/gampad/ads', AD_HOSTS, BASE));
});

test('urlMatchesHosts: a host plus path prefix matches that path only', () => {
  assert.ok(urlMatchesHosts('https://www.facebook.com/tr?id=1&ev=PageView', TRACKER_HOSTS, BASE));
  assert.equal(urlMatchesHosts('https://www.facebook.com/someone/photos/1', TRACKER_HOSTS, BASE), false);
});

test('urlMatchesHosts: look-alike hosts, other schemes and bad URLs do not match', () => {
  assert.equal(urlMatchesHosts('https://notdoubleclick.net/a.gif', AD_HOSTS, BASE), false);
  assert.equal(urlMatchesHosts('https://example.com/doubleclick.net.png', AD_HOSTS, BASE), false);
  assert.equal(urlMatchesHosts('/images/photo.jpg', TRACKER_HOSTS, BASE), false);
  assert.equal(urlMatchesHosts('data:image/gif;base64,R0lGODlhAQABAAAAACw=', TRACKER_HOSTS, BASE), false);
  assert.equal(urlMatchesHosts('http://[bad', TRACKER_HOSTS, BASE), false);
});

test('urlMatchesHosts: a relative URL on a tracker page is the tracker, an encoded host still matches', () => {
  assert.ok(urlMatchesHosts('/collect?v=1', TRACKER_HOSTS, 'https://www.google-analytics.com/page'));
  assert.ok(urlMatchesHosts('https://doubleclick%2Enet/pixel.gif', AD_HOSTS, BASE));
  assert.ok(urlMatchesHosts('https:pixel.gif', AD_HOSTS, 'https://ad.doubleclick.net/page'), 'a same-scheme path is relative to the base');
});

test('urlMatchesHosts: tabs and line breaks, which the URL parser drops, do not hide a host', () => {
  assert.ok(urlMatchesHosts('https://double\nclick.net/p.gif', AD_HOSTS, BASE));
  assert.ok(urlMatchesHosts('https://www.google-\tanalytics.com/collect', TRACKER_HOSTS, BASE));
});
