/// <reference types="chrome" />
/** The reference reader's service worker: a toolbar click injects the one content script. */
chrome.action.onClicked.addListener((tab) => {
  if (tab.id !== undefined) void chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] });
});
