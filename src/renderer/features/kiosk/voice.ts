// Spoken prompts for the cabin's patient (poor sight, no reading glasses, little French): the
// browser's own speech synthesis, in the session's language, never queued behind older prompts.
// Silently nothing where the system has no voice.
import { create } from 'zustand';

export const useVoice = create<{ on: boolean; toggle(): void }>((set) => ({
  on: true,
  toggle: () =>
    set((s) => {
      if (s.on) window.speechSynthesis?.cancel();
      return { on: !s.on };
    }),
}));

export function speak(text: string, language: string): void {
  const synthesis = window.speechSynthesis;
  if (!useVoice.getState().on || !synthesis || typeof SpeechSynthesisUtterance === 'undefined') return;
  synthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language === 'en' ? 'en-GB' : 'fr-FR';
  utterance.rate = 0.9;
  synthesis.speak(utterance);
}
