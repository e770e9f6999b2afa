/// <reference types="chrome" />

/** Set by build.mjs: which browser this bundle is built for. */
declare const __BROWSER__: 'chrome' | 'firefox';
