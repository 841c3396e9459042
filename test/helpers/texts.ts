// The product's texts in a fresh i18next instance, in French or English, as a renderer test renders
// a component with (through I18nextProvider); values are not escaped, React escapes them.
import i18next, { type i18n } from 'i18next';
import { en } from '../../src/renderer/i18n/en';
import { fr } from '../../src/renderer/i18n/fr';

export async function textsIn(language: 'fr' | 'en'): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { fr: { translation: fr }, en: { translation: en } },
    lng: language,
    interpolation: { escapeValue: false },
  });
  return instance;
}
