import { pickVoice } from '../core/voices.js';
import { t } from '../shared/i18n.js';
import { SPEECH_RATES, type SpeechRate } from '../shared/options.js';
import { keepInView } from './reader-scroll.js';
import { spokenSentences, type SpokenSentence } from './spoken-sentences.js';
import { element } from '../shared/element.js';

/**
 * How long the browser may take to list its voices before the control says there are none.
 * Chromium on Linux asks speech-dispatcher, which may first have to start; a list that comes
 * later still turns the control on.
 */
const VOICES_WAIT_MS = 10_000;

type PlayState = 'stopped' | 'playing' | 'paused';

export interface ReadAloudSource {
  /** The elements to read, in order (the title and the article), once the article is whole in the reader. */
  roots(): Promise<Element[]>;
  lang: string | null;
}

/**
 * Read aloud: one utterance per sentence (long utterances cut off or stall in the browsers'
 * engines), the sentence being read wrapped in a <mark> and kept in view. A <mark>, not the CSS
 * Custom Highlight API: its registry belongs to the page's document, so the page could read the
 * highlighted ranges and reach the closed shadow root through them.
 * Pause cancels and resume speaks the sentence again: speechSynthesis.pause() is ignored or
 * loses the queue in some engines.
 */
export class ReadAloud {
  readonly controls: HTMLElement;
  private readonly playButton: HTMLButtonElement;
  private readonly stopButton: HTMLButtonElement;
  private readonly rateSelect: HTMLSelectElement;
  /** Touched only after the reader's first paint or on the first press: in Firefox the first touch costs a long task. */
  private synth: SpeechSynthesis | undefined = undefined;
  private watchingVoices = false;
  private disposed = false;
  /** Settles once the browser has listed its voices or the wait is over. */
  private readonly voicesKnown: Promise<void>;
  private settleVoices = (): void => undefined;
  private voicesTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private source: ReadAloudSource | null = null;
  private sentences: SpokenSentence[] | null = null;
  private index = 0;
  private state: PlayState = 'stopped';
  /** Bumped whenever speech is cancelled: the cancelled utterance's late events are ignored. */
  private generation = 0;
  /** Held so the utterance is not collected before its end event (Chromium drops the event then). */
  private utterance: SpeechSynthesisUtterance | null = null;
  private marks: HTMLElement[] = [];
  /** Whether the browser has a voice: unknown until it has listed them or the wait is over. */
  private available: boolean | null = null;
  private voice: SpeechSynthesisVoice | null = null;

  constructor(private readonly scroller: HTMLElement, private readonly report: (message: string) => void, private readonly saveRate: (rate: SpeechRate) => void, private rate: SpeechRate) {
    this.playButton = element('button', { type: 'button', className: 'read-aloud' });
    this.playButton.addEventListener('click', () => void this.toggle());
    this.stopButton = element('button', { type: 'button', className: 'stop-reading', textContent: '■', title: t('stopReading') });
    this.stopButton.setAttribute('aria-label', t('stopReading'));
    this.stopButton.addEventListener('click', () => this.stop());
    this.rateSelect = element('select', { className: 'speech-rate' });
    this.rateSelect.append(...SPEECH_RATES.map((value) => new Option(`${value}×`, String(value))));
    this.rateSelect.addEventListener('change', () => {
      this.setRate(Number(this.rateSelect.value) as SpeechRate);
      this.saveRate(this.rate);
    });
    const rateLabel = element('label', { className: 'speech-rate-label' });
    rateLabel.append(t('speechRate'), this.rateSelect);
    this.controls = element('span', { className: 'read-aloud-controls' });
    this.controls.setAttribute('role', 'group');
    this.controls.setAttribute('aria-label', t('readAloud'));
    this.controls.append(this.playButton, this.stopButton, rateLabel);
    this.setRate(rate);
    this.voicesKnown = new Promise((resolve) => (this.settleVoices = resolve));
    requestIdleCallback(() => this.watchVoices(), { timeout: 2000 });
    this.render();
  }

  /** Asks the browser for its voices, once: the control says so when there are none. */
  private watchVoices(): void {
    if (this.watchingVoices || this.disposed) return;
    this.watchingVoices = true;
    this.synth = window.speechSynthesis as SpeechSynthesis | undefined;
    this.voicesTimer = setTimeout(() => this.voicesListed(false), this.synth ? VOICES_WAIT_MS : 0);
    this.synth?.addEventListener('voiceschanged', this.onVoicesChanged);
    this.onVoicesChanged();
  }

  private readonly onVoicesChanged = (): void => {
    if (this.synth && this.synth.getVoices().length > 0) this.voicesListed(true);
  };

  private voicesListed(available: boolean): void {
    if (this.available === true || this.available === available) return;
    this.available = available;
    clearTimeout(this.voicesTimer);
    this.settleVoices();
    this.render();
  }

  /** What to read: the article now shown (null: none, as for a notice); stops what was being read. */
  show(source: ReadAloudSource | null): void {
    this.stop();
    this.source = source;
    this.sentences = null;
    this.render();
  }

  setRate(rate: SpeechRate): void {
    if (rate === this.rate && this.rateSelect.value === String(rate)) return;
    this.rate = rate;
    this.rateSelect.value = String(rate);
    // The new speed from the sentence being read, said again.
    if (this.state === 'playing') this.speakCurrent();
  }

  /** Play, pause, or resume: the toolbar button and the S key. */
  async toggle(): Promise<void> {
    if (!this.source || this.playButton.disabled) return;
    if (this.state === 'playing') {
      this.cancelSpeech();
      this.state = 'paused';
      this.render();
      return;
    }
    this.watchVoices();
    await this.voicesKnown;
    if (!this.available || !this.synth) return;
    this.voice = pickVoice(this.synth.getVoices(), this.source.lang);
    this.sentences ??= spokenSentences(await this.source.roots(), this.source.lang);
    if (this.index >= this.sentences.length) this.index = 0;
    this.state = 'playing';
    this.render();
    this.speakCurrent();
  }

  /** The reader closes: speech stops and the voice list is no longer watched. */
  dispose(): void {
    this.disposed = true;
    this.stop();
    clearTimeout(this.voicesTimer);
    this.synth?.removeEventListener('voiceschanged', this.onVoicesChanged);
  }

  stop(): void {
    if (this.state === 'stopped') return;
    this.cancelSpeech();
    this.unmark();
    this.state = 'stopped';
    this.index = 0;
    this.render();
  }

  private cancelSpeech(): void {
    this.generation++;
    this.utterance = null;
    this.synth?.cancel();
  }

  private speakCurrent(): void {
    const sentence = this.sentences?.[this.index];
    if (!sentence) {
      this.stop();
      return;
    }
    this.cancelSpeech();
    this.mark(sentence);
    const generation = this.generation;
    const utterance = new SpeechSynthesisUtterance(sentence.text);
    if (this.voice) utterance.voice = this.voice;
    if (this.source?.lang) utterance.lang = this.source.lang;
    utterance.rate = this.rate;
    utterance.addEventListener('end', () => {
      if (generation !== this.generation) return;
      this.index++;
      this.speakCurrent();
    });
    utterance.addEventListener('error', (event) => {
      // Cancelled by pause, stop or a new speed: not a failure.
      if (generation !== this.generation || event.error === 'interrupted' || event.error === 'canceled') return;
      this.stop();
      this.report(t('speechFailed', event.error));
    });
    this.utterance = utterance;
    this.synth?.speak(utterance);
  }

  private mark(sentence: SpokenSentence): void {
    this.unmark();
    this.marks = sentence.nodes.map((node) => {
      const mark = document.createElement('mark');
      mark.className = 'speaking';
      node.before(mark);
      mark.append(node);
      return mark;
    });
    if (this.marks[0]) keepInView(this.scroller, this.marks[0]);
  }

  private unmark(): void {
    for (const mark of this.marks) if (mark.firstChild) mark.replaceWith(mark.firstChild);
    this.marks = [];
  }

  private render(): void {
    this.playButton.hidden = this.stopButton.hidden = this.rateSelect.parentElement!.hidden = !this.source;
    // Before the voices are known the button works: a press waits for them.
    if (this.available === false) {
      this.showUnavailable();
      return;
    }
    this.playButton.disabled = this.rateSelect.disabled = false;
    this.playButton.removeAttribute('title');
    const label = this.state === 'playing' ? `⏸ ${t('pauseReading')}` : this.state === 'paused' ? `▶ ${t('resumeReading')}` : `▶ ${t('readAloud')}`;
    this.playButton.textContent = label;
    this.stopButton.disabled = this.state === 'stopped';
  }

  /** No voice: the button says so, disabled, instead of a press that does nothing. */
  private showUnavailable(): void {
    this.playButton.disabled = true;
    this.playButton.textContent = t('speechUnavailable');
    this.playButton.title = t('speechUnavailable');
    this.stopButton.disabled = true;
    this.rateSelect.disabled = true;
  }
}
