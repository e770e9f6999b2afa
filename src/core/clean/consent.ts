/**
 * Consent-management dialogs: the containers the common consent platforms inject, whatever
 * their size (a preference centre holds paragraphs of privacy notice, often more text than a
 * short article). Vendor markup, listed as data like the ad hosts.
 */
import type { CleaningRule } from './rules.js';

const CONSENT_PLATFORMS = [
  // OneTrust
  '#onetrust-consent-sdk', '#onetrust-banner-sdk', '#onetrust-pc-sdk', '.optanon-alert-box-wrapper',
  // Didomi
  '#didomi-host', '.didomi-popup', '#didomi-notice',
  // Sourcepoint
  '[id^="sp_message_container"]', '.sp_veil', '[id^="sp_message_iframe"]',
  // Quantcast Choice
  '#qc-cmp2-container', '.qc-cmp2-container', '#qcCmpUi',
  // TrustArc / TRUSTe
  '#truste-consent-track', '#truste-consent-content', '.truste_box_overlay', '#consent_blackbar', '.truste_overlay',
  // Cookiebot, Usercentrics, Osano, CookieYes, Complianz, Iubenda, Funding Choices, Klaro, cookieconsent
  '#CybotCookiebotDialog', '#usercentrics-root', '.osano-cm-window', '.cky-consent-container', '#cmplz-cookiebanner-container',
  '#iubenda-cs-banner', '.fc-consent-root', '.klaro', '.cc-window', '#cmpbox', '#cmpbox2',
].join(', ');

export const CONSENT_RULES: readonly CleaningRule[] = [
  { family: 'consent', name: 'consent-platform', candidates: CONSENT_PLATFORMS, maxShareOfPageText: 1 },
];
