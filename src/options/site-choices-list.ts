import { t } from '../shared/i18n.js';
import { listSiteChoices, onSiteChoicesChanged, removeSiteChoice } from '../shared/site-choices.js';
import { element } from '../shared/element.js';

/** The sites with a chosen part, each with its selector and a Remove button; kept current as choices change on any device. */
export function showSiteChoices(list: HTMLUListElement, empty: HTMLElement): void {
  const render = async (): Promise<void> => {
    const choices = await listSiteChoices();
    empty.hidden = choices.length > 0;
    list.replaceChildren(
      ...choices.map(({ host, selector }) => {
        const item = document.createElement('li');
        const name = element('strong', { className: 'host', textContent: host });
        const code = element('code', { className: 'selector', textContent: selector });
        const remove = element('button', { type: 'button', className: 'remove', textContent: t('optionsRemove') });
        remove.setAttribute('aria-label', t('optionsRemoveFor', host));
        remove.addEventListener('click', () => {
          remove.disabled = true;
          void removeSiteChoice(host).finally(render);
        });
        item.append(name, ' ', code, ' ', remove);
        return item;
      }),
    );
  };
  onSiteChoicesChanged(() => void render());
  void render();
}
