// What screens.spec.ts checks on each screen: its approved image at the cart's and the desk's size,
// axe-core's WCAG 2.1 AA rules, and that no visible text is an internal name.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import os from 'node:os';
import { en } from '../../src/renderer/i18n/en';
import { fr } from '../../src/renderer/i18n/fr';
import { PEER_IDS } from './screens-fixture';

export const VIEWPORTS = [
  { width: 1366, height: 768 }, // the cart
  { width: 1920, height: 1080 }, // the expert's desk
];

// A moved box, a new line or a changed word fails; anti-aliasing between two runs does not. A
// ratio of the screen (1 % is 10,000 pixels at 1366x768) let a changed word pass unseen.
const TOLERANCE = { maxDiffPixels: 100, threshold: 0.2 };

/** Dates a station stamps with its own clock: today's, in the forms the screens write them. */
function todayForms(): string[] {
  const now = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  const [d, m, y] = [now.getDate(), now.getMonth() + 1, now.getFullYear()];
  const long = (locale: string) => now.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
  return [
    `${two(d)}/${two(m)}/${y}`,
    `${d}/${m}/${y}`,
    `${m}/${d}/${y}`,
    `${y}-${two(m)}-${two(d)}`,
    long('fr-FR'),
    long('en-GB'),
    long('en-US'),
  ];
}

/**
 * Covers the words whose text changes from run to run (times, today's date, a temporary folder,
 * a loopback port, a key's fingerprint) with empty boxes that the screenshot masks: only those
 * words, not their whole line, so that the rest of the line is still compared. Before that, each
 * such word is written in a fixed shape of the same kind (digits as 8, a one-digit hour as two,
 * AM as PM, letters of a folder or a key as x): the words after it on the line then sit where they
 * sat in the approved image, whatever the hour (CI: "9:12 AM" and "12:24 PM" moved the rest of
 * the line). The boxes are added to the body, outside React's tree; the words are put back and
 * the boxes removed after the shot; an input whose value varies is masked whole.
 */
async function markVarying(page: Page): Promise<void> {
  await page.evaluate((today) => {
    const patterns = [
      /\b\d{1,2}(:| ?h ?)\d{2}(:\d{2})?(\s?[AP]M\b)?/g, // 09:40, 9 h 40, a duration 00:12, 9:40 AM (English)
      /\b\d{1,3} (ans|years?)\b/g, // an age, one more each birthday
      /\d[\d\u202f\u00a0 ,.]*\s?(Mo|Go|MB|GB) (libres|free)/g, // the disk's free space, the machine's own
      /\/(tmp|var\/folders)\/\S*/g,
      /(127\.0\.0\.1|localhost):\d+\S*/g,
      /\b[0-9a-f]{16,}\b/gi,
      /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
      ...today.map((d) => new RegExp(d.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'g')),
    ];
    const any = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'gi');
    const shape = (word: string): string =>
      /^(\/|127\.0\.0\.1|localhost)/.test(word) || /^(?=.*[a-f])[0-9a-f-]{16,}$/i.test(word)
        ? word.replace(/[a-z]/gi, 'x').replace(/\d/g, '8') // a folder, an address, a key: same length
        : word
            .replace(/^\d(?=\D)/, '88') // a time, a date, an age: the widest of its kind
            .replace(/\d/g, '8')
            .replace(/[AP]M/i, 'PM');
    const w = window as unknown as { relaisShotWords?: [Text, string, string][] };
    for (const old of document.querySelectorAll('[data-shot-mask]')) {
      if (old.classList.contains('shot-mask-box')) old.remove();
      else old.removeAttribute('data-shot-mask');
    }
    const cover = (rect: DOMRect) => {
      if (rect.width === 0 || rect.height === 0) return;
      const box = document.createElement('div');
      box.className = 'shot-mask-box';
      box.setAttribute('data-shot-mask', '');
      box.setAttribute('aria-hidden', 'true');
      Object.assign(box.style, {
        position: 'absolute',
        left: `${rect.left + window.scrollX}px`,
        top: `${rect.top + window.scrollY}px`,
        width: `${Math.ceil(rect.width)}px`,
        height: `${rect.height}px`,
        pointerEvents: 'none',
      });
      document.body.append(box);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
    w.relaisShotWords = [];
    for (const node of nodes) {
      // A date printed from a shipped table (the billing codes' review) is not the clock's, even today.
      if (node.parentElement?.closest('[data-shot-stable]')) continue;
      const text = node.textContent ?? '';
      const spans: [number, number][] = [];
      let shift = 0;
      const shaped = text.replace(any, (word: string, ...rest: unknown[]) => {
        const index = rest[rest.length - 2] as number;
        const fixed = shape(word);
        spans.push([index + shift, index + shift + fixed.length]);
        shift += fixed.length - word.length;
        return fixed;
      });
      if (spans.length === 0) continue;
      if (shaped !== text) {
        node.textContent = shaped;
        w.relaisShotWords.push([node, text, shaped]);
      }
      for (const [from, to] of spans) {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        for (const rect of range.getClientRects()) cover(rect);
      }
    }
    for (const input of document.querySelectorAll('input, textarea'))
      if (patterns.some((p) => new RegExp(p.source, p.flags).test((input as HTMLInputElement).value)))
        input.setAttribute('data-shot-mask', '');
  }, todayForms());
}

/** Puts the words back and takes the boxes away, so that axe and the next step see the page as it is. */
async function unmarkVarying(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { relaisShotWords?: [Text, string, string][] };
    // Only the words still as this check wrote them: one the page changed meanwhile is the page's.
    for (const [node, original, shaped] of w.relaisShotWords ?? [])
      if (node.textContent === shaped) node.textContent = original;
    w.relaisShotWords = [];
    document.querySelectorAll('.shot-mask-box').forEach((box) => box.remove());
  });
}

/**
 * Waits until nothing on the page has moved for 300 ms (5 s at most): the mask boxes are placed
 * where the varying words are, and a part read late (an act's buttons, its record) that moves them
 * after would leave the words bare in the shot (CI: the act's consent time 100 px below its box).
 */
async function waitForStillLayout(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const signature = () => {
      let sum = document.documentElement.scrollHeight;
      for (const element of document.body.querySelectorAll('*')) {
        const rect = element.getBoundingClientRect();
        sum = (sum * 31 + Math.round(rect.top) * 7 + Math.round(rect.height)) % 1_000_000_007;
      }
      return sum;
    };
    const deadline = Date.now() + 5_000;
    let last = signature();
    let stillSince = Date.now();
    while (Date.now() < deadline && Date.now() - stillSince < 300) {
      await new Promise((r) => setTimeout(r, 50));
      const now = signature();
      if (now !== last) {
        last = now;
        stillSince = Date.now();
      }
    }
  });
}

/**
 * What the person sees at this size (the viewport, not the whole page) against its approved image.
 * Animations are stopped and the caret hidden, so that two shots in a row match at once: a full
 * page retaken until stable cost ~13 s a shot on a loaded machine.
 */
export async function expectScreenshot(page: Page, name: string, masks: Locator[] = []): Promise<void> {
  const size = page.viewportSize()!;
  await waitForStillLayout(page);
  await markVarying(page);
  // Live video and live plots never look the same twice.
  const mask = [page.locator('[data-shot-mask], video, canvas'), ...masks];
  const file = `${name}-${size.width}x${size.height}.png`;
  await expect
    .soft(page, `screenshot ${file}`)
    .toHaveScreenshot(file, { ...TOLERANCE, mask, animations: 'disabled', caret: 'hide' });
  await unmarkVarying(page);
}

/** axe-core's WCAG 2.0 and 2.1, A and AA, on what the page shows now: one line per violation and element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${v.id} (${v.impact ?? '?'}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help}`,
    ),
  );
}

/** Every key path of a text table ("calls.endReason"), for recognising an untranslated key. */
function keyPaths(table: object, prefix = ''): string[] {
  return Object.entries(table).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}
const KEYS = new Set([...keyPaths(fr), ...keyPaths(en)]);
const TOP_KEYS = new Set([...Object.keys(fr), ...Object.keys(en)]);

interface VisibleText {
  text: string;
  forms: { validates: boolean; label: string }[];
  nativeInputs: string[];
}

/** The page's visible text: its rendered text, and the attributes a person reads or hears. */
async function readVisibleText(page: Page): Promise<VisibleText> {
  return page.evaluate(() => {
    const seen = (e: Element) => e.checkVisibility({ visibilityProperty: true });
    const attributes: string[] = [];
    for (const e of document.body.querySelectorAll('[placeholder], [title], [aria-label], [alt], input[value]')) {
      if (!seen(e)) continue;
      for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = e.getAttribute(name);
        if (value) attributes.push(value);
      }
      const type = e.getAttribute('type');
      if (e.tagName === 'INPUT' && (type === 'button' || type === 'submit' || type === 'reset'))
        attributes.push((e as HTMLInputElement).value);
    }
    const native =
      'input[type=time], input[type=date], input[type=month], input[type=week], input[type=datetime-local], input[type=file]';
    return {
      text: [document.body.innerText, ...attributes].join('\n'),
      forms: [...document.forms].map((f) => ({
        validates: !f.noValidate,
        label:
          f.getAttribute('aria-label') ||
          f.querySelector('h2, h3, legend')?.textContent ||
          f.querySelector('button')?.textContent ||
          f.className,
      })),
      nativeInputs: [...document.querySelectorAll(native)]
        .filter(seen)
        .map(
          (i) =>
            `${i.getAttribute('type')} input "${i.getAttribute('aria-label') || i.closest('label')?.textContent || i.id}"`,
        ),
    };
  });
}

/**
 * What a person should never read on a screen, one line per finding: an internal id, an
 * environment variable, an untranslated key, this machine's host name; and, in the French UI of
 * an English browser, what the browser would write in English (its validation bubbles, its time,
 * date and file widgets).
 */
export async function visibleTextFindings(page: Page, language: 'fr' | 'en', technical = false): Promise<string[]> {
  const { text, forms, nativeInputs } = await readVisibleText(page);
  const findings: string[] = [];
  const found = (kind: string, match: RegExpMatchArray | string[] | null) =>
    [...new Set(match ?? [])].forEach((m) => findings.push(`${kind}: "${m}"`));
  found('uuid', text.match(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi));
  // Device and station ids: lower-case words joined by - or _ and ending in a number (oximeter-1, fake_device_0).
  found('device id', text.match(/(?<![\w./-])[a-z]+(?:[-_][a-z]+)*[-_]\d+(?![\w.-])/g));
  found(
    'peer id',
    PEER_IDS.filter((id) => new RegExp(`(?<![\\w-])${id}(?![\\w-])`).test(text)),
  );
  // The Technique page is the regional IT's: it names the settings to change, on purpose.
  if (!technical) found('environment variable', text.match(/\bRELAIS_[A-Z0-9_]+\b/g));
  const dotted = text.match(/(?<![\w./:@-])[a-zA-Z]\w*(?:\.\w+)+(?![\w/@-])/g) ?? [];
  // A key of the tables, or one under a table's top-level name (a missing key shows as itself);
  // a file name such as "devices.json" is not one.
  const fileName = /\.(json|pdf|png|jpe?g|dcm|txt|csv|cjs|js|fr|com|org)$/i;
  const isKey = (d: string) => KEYS.has(d) || (TOP_KEYS.has(d.split('.')[0]!) && !fileName.test(d));
  found('translation key', dotted.filter(isKey));
  const host = os.hostname();
  found(
    'host name',
    new RegExp(`(?<![\\w.-])${host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text) ? [host] : [],
  );
  if (language === 'fr') {
    found(
      'form without noValidate (native English bubbles)',
      forms.filter((f) => f.validates).map((f) => f.label),
    );
    found('browser-native input', nativeInputs);
    found('English time', text.match(/\b\d{1,2}:\d{2}\s?(?:AM|PM)\b/g));
    found('browser English', text.match(/Choose File|No file chosen|Please fill (?:out|in) this field|mm\/dd\/yyyy/g));
  }
  return findings;
}

/**
 * The three checks of one screen: its image at each size given (the cart's, the desk's), then axe
 * and the visible text at the last size; soft, so that one report shows all that differs.
 */
export async function checkScreen(
  page: Page,
  name: string,
  language: 'fr' | 'en',
  options: {
    sizes?: { width: number; height: number }[];
    masks?: Locator[];
    technical?: boolean;
    /** Where the person scrolls to, done again at each size (a resize keeps the old scroll offset). */
    scrollTo?: Locator;
    block?: 'start' | 'end';
  } = {},
): Promise<void> {
  for (const size of options.sizes ?? VIEWPORTS) {
    await page.setViewportSize(size);
    const block = options.block ?? 'start';
    await options.scrollTo?.evaluate((element, where) => element.scrollIntoView({ block: where }), block);
    await expectScreenshot(page, `${name}-${language}`, options.masks);
  }
  expect.soft(await axeViolations(page), `axe WCAG 2.1 AA on ${name} (${language})`).toEqual([]);
  const findings = await visibleTextFindings(page, language, options.technical === true);
  expect.soft(findings, `visible text on ${name} (${language})`).toEqual([]);
}
