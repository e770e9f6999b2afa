import browser from 'webextension-polyfill';
import { t, type MessageName } from '../shared/i18n.js';
import { FONT_SIZE_RANGE, LINE_WIDTHS, loadOptions, saveOptions, THEMES, type LineWidth, type Options, type Theme } from '../shared/options.js';
import { MARKDOWN_TEMPLATES, type MarkdownTemplate } from '../core/types.js';
import { keyLabel, READER_KEYS } from '../shared/reader-keys.js';
import { showSiteChoices } from './site-choices-list.js';
import { element } from '../shared/element.js';

const THEME_LABELS: Record<Theme, MessageName> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark', sepia: 'themeSepia' };
const WIDTH_LABELS: Record<LineWidth, MessageName> = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' };
const TEMPLATE_LABELS: Record<MarkdownTemplate, MessageName> = { heading: 'templateHeading', 'front-matter': 'templateFrontMatter', none: 'templateNone' };

const form = document.getElementById('options') as HTMLFormElement;
const themeSelect = form.elements.namedItem('theme') as HTMLSelectElement;
const widthSelect = form.elements.namedItem('lineWidth') as HTMLSelectElement;
const fontSizeInput = form.elements.namedItem('fontSize') as HTMLInputElement;
const templateSelect = form.elements.namedItem('markdownTemplate') as HTMLSelectElement;
const status = document.getElementById('status') as HTMLElement;

function localize(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
  document.title = t('optionsTitle');
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) node.textContent = t(node.dataset['i18n'] as MessageName);
  themeSelect.append(...THEMES.map((theme) => new Option(t(THEME_LABELS[theme]), theme)));
  widthSelect.append(...LINE_WIDTHS.map((width) => new Option(t(WIDTH_LABELS[width]), width)));
  templateSelect.append(...MARKDOWN_TEMPLATES.map((template) => new Option(t(TEMPLATE_LABELS[template]), template)));
  fontSizeInput.min = String(FONT_SIZE_RANGE.min);
  fontSizeInput.max = String(FONT_SIZE_RANGE.max);
  fontSizeInput.step = String(FONT_SIZE_RANGE.step);
}

function show(options: Options): void {
  themeSelect.value = options.theme;
  widthSelect.value = options.lineWidth;
  fontSizeInput.value = String(options.fontSize);
  templateSelect.value = options.markdownTemplate;
}

async function listShortcuts(): Promise<void> {
  const list = document.getElementById('shortcuts') as HTMLUListElement;
  const commands = await browser.commands.getAll();
  list.replaceChildren(
    ...commands.map((command) => {
      const item = document.createElement('li');
      const key = document.createElement('kbd');
      key.textContent = command.shortcut || t('optionsShortcutNone');
      // Chromium lists the toolbar command without its description: name it from our own strings.
      const description = command.description || (command.name === '_execute_action' ? t('commandToggle') : (command.name ?? ''));
      item.append(key, ` ${description}`);
      return item;
    }),
  );
}

/** The reader's own keys, from the table the overlay acts on. */
function listReaderKeys(): void {
  const list = document.getElementById('reader-keys') as HTMLUListElement;
  list.replaceChildren(
    ...READER_KEYS.map(({ keys, label }) => {
      const item = document.createElement('li');
      keys.forEach((key, index) => {
        if (index > 0) item.append(' ');
        item.append(element('kbd', { textContent: keyLabel(key) }));
      });
      item.append(` ${t(label)}`);
      return item;
    }),
  );
}

async function openShortcutSettings(): Promise<void> {
  if (__BROWSER__ === 'firefox') {
    await (browser.commands as unknown as { openShortcutSettings(): Promise<void> }).openShortcutSettings();
  } else {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

localize();
void loadOptions().then(show);
void listShortcuts();
listReaderKeys();
showSiteChoices(document.getElementById('site-choices') as HTMLUListElement, document.getElementById('site-choices-none') as HTMLElement);
document.getElementById('shortcut-settings')?.addEventListener('click', () => void openShortcutSettings());
form.addEventListener('change', () => {
  void saveOptions({
    theme: themeSelect.value as Theme,
    lineWidth: widthSelect.value as LineWidth,
    fontSize: Number(fontSizeInput.value),
    markdownTemplate: templateSelect.value as MarkdownTemplate,
  })
    .then(loadOptions)
    .then((saved) => {
      // What was stored, made valid (a size out of range comes back clamped).
      show(saved);
      status.textContent = t('optionsSaved');
    });
});
